/* 填写的内容不会悄悄丢失（每个页面）。
 *
 * “未保存的内容”：本页提交方式为 post 的表单中，改动过的栏目（与载入时不同：文字、数字、勾选、选择），
 * 或服务器退回、保留着未保存内容的表单（带 data-unsaved）。
 * - 点某个表单的按钮时，如本页另一个表单有未保存的内容，先询问；点“取消”留在本页，内容原样保留。
 * - 按钮带 data-needs-saved="提示"（如年度报告的“上传并预览”）：本表单有未保存的内容时不提交，显示提示。
 * - 按钮带 data-unless-empty="栏目名" 和 data-unless-empty-text="提示"：该栏目已填写时先询问（如填了退回原因却点“定稿”）。
 * - 点链接、刷新或关闭页面时，有未保存的内容由浏览器询问是否离开。
 * 自己处理这些的表单（月度填报表格、通报草稿）带 data-unsaved-ignore，不在此计算。
 * 渐进增强：没有 JavaScript 时，各页面由服务器保留提交的内容。
 */
(function () {
  "use strict";

  var SKIP = { hidden: true, submit: true, button: true, reset: true, image: true };
  var leaving = null;

  function tracked(form) {
    return (form.getAttribute("method") || "get").toLowerCase() === "post" && !form.hasAttribute("data-unsaved-ignore");
  }

  function selectChanged(select) {
    var options = Array.prototype.slice.call(select.options);
    if (select.multiple) return options.some(function (o) { return o.selected !== o.defaultSelected; });
    var first = select.size > 1 ? -1 : options.findIndex(function (o) { return !o.disabled; });
    var initial = options.reduce(function (found, o, i) { return o.defaultSelected ? i : found; }, first);
    return select.selectedIndex !== initial;
  }

  function changed(field) {
    // A file chosen is not counted: it is chosen again in a moment, and it goes with its own button.
    if (!field.name || SKIP[field.type] || field.type === "file" || field.disabled) return false;
    if (field.type === "checkbox" || field.type === "radio") return field.checked !== field.defaultChecked;
    if (field.tagName === "SELECT") return selectChanged(field);
    return field.value !== field.defaultValue;
  }

  function label(field) {
    // The label's own words (a label may wrap its field, or hints and errors).
    var text = field.getAttribute("aria-label");
    if (field.labels && field.labels.length) {
      var copy = field.labels[0].cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll("input, select, textarea, button, .hint, .errorlist"),
        function (node) { node.remove(); });
      text = copy.textContent;
    }
    return (text || field.name).replace(/[：:*\s]+$/, "").trim();
  }

  function unsaved(form) {
    var names = Array.prototype.filter.call(form.elements, changed).map(label);
    if (!names.length && form.hasAttribute("data-unsaved")) names.push("上次提交时未保存的内容");
    return names;
  }

  function othersUnsaved(form) {
    var names = [];
    Array.prototype.forEach.call(document.forms, function (other) {
      if (other !== form && tracked(other)) names = names.concat(unsaved(other));
    });
    return names;
  }

  function list(names) {
    var shown = names.slice(0, 3).map(function (n) { return "“" + n + "”"; }).join("、");
    return names.length > 3 ? shown + "等" + names.length + "项" : shown;
  }

  function stop(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  // Capture: runs before the page's own handlers; a submit refused here reaches none of them.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    if (button && button.hasAttribute("data-needs-saved") && unsaved(form).length) {
      stop(event);
      window.alert(button.getAttribute("data-needs-saved"));
      return;
    }
    var needed = button && button.getAttribute("data-unless-empty");
    var field = needed ? form.elements.namedItem(needed) : null;
    if (field && field.value.trim() && !window.confirm(button.getAttribute("data-unless-empty-text"))) {
      stop(event);
      return;
    }
    var others = othersUnsaved(form);
    if (others.length && !window.confirm(
      "本页还有填写了但尚未保存的内容：" + list(others) + "。继续操作将丢失这些内容。\n\n点“确定”继续；点“取消”留在本页，内容保留。"
    )) {
      stop(event);
      return;
    }
    leaving = event;
  }, true);

  window.addEventListener("beforeunload", function (event) {
    if (leaving && !leaving.defaultPrevented) return;  // a form being submitted takes what it holds along
    var any = Array.prototype.some.call(document.forms, function (form) { return tracked(form) && unsaved(form).length; });
    if (any) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // Typing again, or back on the page from the browser's cache: nothing is being submitted.
  document.addEventListener("input", function () { leaving = null; }, true);
  window.addEventListener("pageshow", function () { leaving = null; });
})();
