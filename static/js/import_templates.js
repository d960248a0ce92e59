/* 导入页的“下载模板”链接跟随“年度”输入框：改了年度，下载的就是该年度的模板（单位名单按该年度参加考核的单位）。
 * 渐进增强：没有 JavaScript 时链接是页面打开时的年度。 */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var year = document.querySelector("input[name=year]");
    var links = document.querySelectorAll("a.template-link");
    if (!year || !links.length) return;
    year.addEventListener("input", function () {
      var value = year.value.trim();
      if (!/^\d{4}$/.test(value)) return;
      Array.prototype.forEach.call(links, function (link) {
        link.href = link.href.replace(/([?&]year=)\d*/, "$1" + value);
        link.textContent = "下载" + value + "年模板";
      });
    });
  });
})();
