/* 月度填报表格的键盘操作（渐进增强：没有 JavaScript 时表单照常可用）。
 *
 * 表格 [data-grid]：Tab 向右（浏览器默认），Enter 到下一行同一列，Shift+Enter 到上一行同一列，
 * ↑ ↓ 同样上下移动；进入单元格时全选内容，直接输入即替换。已改动的单元格标记为 .dirty，
 * 离开页面前如有未保存的改动会提示。
 */
(function () {
  "use strict";

  function cellsOfColumn(table, col) {
    return Array.prototype.slice.call(table.querySelectorAll('input[data-col="' + col + '"]'));
  }

  function move(table, input, step) {
    var column = cellsOfColumn(table, input.getAttribute("data-col"));
    var index = column.indexOf(input) + step;
    if (index >= 0 && index < column.length) {
      column[index].focus();
      return true;
    }
    return false;
  }

  function setupGrid(table) {
    var form = table.closest("form");
    var counter = form ? form.querySelector("[data-dirty-count]") : null;
    var submitting = false;

    function refreshCount() {
      if (!counter) return;
      var n = table.querySelectorAll("input.dirty").length;
      counter.textContent = n ? "已改动" + n + "个单元格，尚未保存" : "";
    }

    table.addEventListener("keydown", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("input[data-col]")) return;
      if (event.isComposing) return;
      var step = 0;
      if (event.key === "Enter") step = event.shiftKey ? -1 : 1;
      else if (event.key === "ArrowDown") step = 1;
      else if (event.key === "ArrowUp") step = -1;
      if (!step) return;
      event.preventDefault();
      if (!move(table, input, step) && step > 0 && event.key === "Enter" && form) {
        var button = form.querySelector('button[type="submit"]');
        if (button) button.focus();
      }
    });

    table.addEventListener("focusin", function (event) {
      if (event.target.matches && event.target.matches("input[data-col]")) event.target.select();
    });

    table.addEventListener("input", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("input[data-col]")) return;
      input.classList.toggle("dirty", input.value !== input.defaultValue);
      input.classList.toggle("suspect", !/^\s*[0-9\uFF10-\uFF19]*\s*$/.test(input.value));
      refreshCount();
    });

    if (form) {
      form.addEventListener("submit", function () { submitting = true; });
      window.addEventListener("beforeunload", function (event) {
        if (!submitting && table.querySelector("input.dirty")) {
          event.preventDefault();
          event.returnValue = "";
        }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-grid]"), setupGrid);
  });
})();
