/* 通报草稿页：草稿和印发是同一个表单（保存草稿时，更正说明等印发栏目一并提交并保留）。
 * 草稿有未保存的修改时不许印发，印发前确认，生成文件时显示进度。 */
(function () {
  "use strict";
  var form = document.getElementById("notice-form");
  if (!form) return;
  var dirty = false, typed = false, submitting = false;
  // 草稿栏目在表单元素之内；印发栏目在其外，以 form="notice-form" 归属同一表单。
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  document.querySelectorAll('[form="notice-form"]').forEach(function (field) {
    field.addEventListener("input", function () { typed = true; });
    field.addEventListener("change", function () { typed = true; });
  });
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (button && button.hasAttribute("data-issue")) {
      if (dirty) {
        event.preventDefault();
        window.alert("草稿有未保存的修改。请先点“保存草稿”，再印发。");
        return;
      }
      if (!window.confirm("印发后，通报的文字和数字即成为正式记录，不能再修改（更正须重新印发）。确定印发吗？")) {
        event.preventDefault();
        return;
      }
      var box = button.closest("[data-busy]");
      var note = box ? box.querySelector(".busy") : null;
      if (note) { note.textContent = box.dataset.busy; note.hidden = false; }
      window.setTimeout(function () { button.disabled = true; }, 0);
    }
    submitting = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (!submitting && (dirty || typed)) { event.preventDefault(); event.returnValue = ""; }
  });
})();
