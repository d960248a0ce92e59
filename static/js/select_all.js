/* 复选框 [data-select-all="组名"]：勾选或取消同一组（[data-group="组名"]）的全部复选框。
 * 回头看页面用它按单位全选；渐进增强：没有 JavaScript 时逐个勾选照常可用，全选框不显示。 */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-select-all]"), function (box) {
      var group = box.getAttribute("data-select-all");
      var members = document.querySelectorAll('input[type=checkbox][data-group="' + group + '"]');
      box.closest("[hidden]") && box.closest("[hidden]").removeAttribute("hidden");
      box.addEventListener("change", function () {
        Array.prototype.forEach.call(members, function (member) {
          if (!member.disabled) member.checked = box.checked;
        });
      });
    });
  });
})();
