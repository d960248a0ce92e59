/* 后台任务页：每秒查询一次进度，完成或失败时刷新页面显示下载链接（渐进增强）。 */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-job-status]");
    if (!box || !box.querySelector("[data-job-waiting]")) return;
    var url = box.getAttribute("data-job-status");
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          box.querySelector("[data-job-label]").textContent = s.status_label;
          box.querySelector("[data-job-progress]").value = s.progress;
          box.querySelector("[data-job-percent]").textContent = s.progress + "%";
          box.querySelector("[data-job-message]").textContent = s.message;
          if (s.done) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
  });
})();
