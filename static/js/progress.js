/* 表单 [data-progress]：提交后显示其中的 .progress（“正在检查…”），并防止重复提交。
 * 渐进增强：没有 JavaScript 时表单照常可用。 */
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
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-progress]"), setupProgress);
  });
})();
