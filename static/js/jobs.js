/* 后台任务页：未完成时每秒查询一次进度；完成或失败时重新载入一次本页（不再查询），
   完成且有文件时由浏览器自动下载（无需再点）。渐进增强：不运行脚本时页面照样可用。 */
(function () {
  "use strict";
  function poll(box) {
    var url = box.getAttribute("data-job-status");
    function once() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          box.querySelector("[data-job-label]").textContent = s.status_label;
          box.querySelector("[data-job-progress]").value = s.progress;
          box.querySelector("[data-job-percent]").textContent = s.progress + "%";
          box.querySelector("[data-job-message]").textContent = s.message;
          if (s.done) {
            window.location.replace(window.location.pathname + "?finished=1");
          } else {
            window.setTimeout(once, 1000);
          }
        })
        .catch(function () { window.setTimeout(once, 3000); });
    }
    window.setTimeout(once, 500);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-job-status]");
    if (box) { poll(box); return; }
    var start = document.querySelector("[data-job-autostart]");
    if (start) {
      window.history.replaceState(null, "", window.location.pathname);
      window.location.assign(start.getAttribute("href"));
    }
  });
})();
