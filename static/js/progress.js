/* 表单 [data-progress]：提交后显示其中的 .progress（“正在检查…”），并防止重复提交；
 * 按钮 [data-progress]（其表单还有别的按钮）：点它提交时显示它旁边的 .progress。
 * 被本页其他检查拦下的提交（如先要保存）不算已提交。渐进增强：没有 JavaScript 时表单照常可用。 */
(function () {
  "use strict";

  function setupProgress(form) {
    var sent = false;
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.value === "cancel") return;
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
      var progress = form.querySelector(".progress");
      if (progress) progress.hidden = false;
      form.classList.add("busy");
      window.setTimeout(function () {  // stopped by another of the page's checks: may be sent again
        if (!event.defaultPrevented) return;
        sent = false;
        if (progress) progress.hidden = true;
        form.classList.remove("busy");
      }, 0);
    });
  }

  function setupButton(button) {
    button.form.addEventListener("submit", function (event) {
      if (event.submitter !== button) return;
      var progress = button.parentNode.querySelector(".progress");
      if (progress) progress.hidden = false;
      window.setTimeout(function () {
        if (event.defaultPrevented && progress) progress.hidden = true;
      }, 0);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-progress]"), setupProgress);
    // A button with data-progress (its form has other buttons too): progress beside it while its form is sent.
    Array.prototype.forEach.call(document.querySelectorAll("button[data-progress]"), function (button) {
      if (button.form && !button.form.hasAttribute("data-progress")) setupButton(button);
    });
  });
})();
