/* 通报页（草稿、更正稿）：有未保存的修改时不许印发，印发前确认，生成文件时显示进度。 */
(function () {
  "use strict";
  var draft = document.querySelector("form.notice-form");
  var dirty = false;
  if (draft) {
    draft.addEventListener("input", function () { dirty = true; });
    draft.addEventListener("change", function () { dirty = true; });
    draft.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) { if (dirty) { event.preventDefault(); event.returnValue = ""; } });
  }
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (dirty) {
        event.preventDefault();
        window.alert(form.dataset.unsaved);
        return;
      }
      if (!window.confirm("印发后，通报的文字和数字即成为正式记录，不能再修改（更正须重新印发）。确定印发吗？")) {
        event.preventDefault();
        return;
      }
      dirty = false;
      var note = form.querySelector(".busy");
      note.textContent = form.dataset.busy; note.hidden = false;
      form.querySelector("button[type=submit]").disabled = true;
    });
  });
})();
