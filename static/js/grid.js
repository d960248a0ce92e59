/* 月度填报表格（渐进增强：没有 JavaScript 时表单照常可用，服务器同样校验并要求确认可疑数值）。
 *
 * 表格 [data-grid]：
 * - Tab 向右（浏览器默认），Enter 到下一行同一列，Shift+Enter 到上一行同一列，↑ ↓ 同样上下移动；
 *   进入单元格时全选内容，直接输入即替换。已改动的单元格标记为 .dirty，离开页面前如有未保存的改动会提示。
 * - 从 Excel、WPS 复制的一列或一块（制表符分列、换行分行）粘贴到某个单元格时，像电子表格一样
 *   从该单元格起向下、向右填入（跳过该行没有的格，如逐篇登记月份的投稿合计）。
 * - 每行的本月得分随发布数即时计算（每条分值、每月上限由服务器按本季度的计分规则给出：
 *   data-points、data-cap），“已填 x/N”随之更新。
 * - 保存前，数值远超常见范围（data-limits，按列）或远高于该单位近几个月（行的 data-recent）的，
 *   列出来请用户确认；确认后随表单提交确认标记，取消则回到第一个可疑的单元格。
 */
(function () {
  "use strict";

  var RATIO = 3, MARGIN = 30;  // 与服务器 submissions/grid/plausibility.py 相同
  var LABELS = ["发布数", "投稿件数", "不合格件数", "市级采用", "省级采用"];

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

  function number(text) {
    // 全角数字按半角读，与服务器相同；不是整数则返回 null。
    var clean = String(text).replace(/[\uFF10-\uFF19]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48);
    }).trim();
    return /^[0-9]+$/.test(clean) ? parseInt(clean, 10) : null;
  }

  function points(text) {
    // "0.5" → {value: 5, scale: 10}：用整数运算，避免 0.1 + 0.2 之类的误差。
    var parts = String(text).split(".");
    var decimals = parts.length > 1 ? parts[1].length : 0;
    return { value: parseInt(parts.join(""), 10), scale: Math.pow(10, decimals) };
  }

  function formatPoints(value, scale) {
    var whole = Math.floor(value / scale), rest = value % scale;
    if (!rest) return String(whole);
    var digits = String(rest + scale).slice(1).replace(/0+$/, "");
    return whole + "." + digits;
  }

  function setupGrid(table) {
    var form = table.closest("form");
    var counter = form ? form.querySelector("[data-dirty-count]") : null;
    var filled = form ? form.querySelector("[data-filled]") : null;
    var pasteStatus = form ? form.querySelector("[data-paste-status]") : null;
    var perItem = table.dataset.points ? points(table.dataset.points) : null;
    var cap = table.dataset.cap ? parseInt(table.dataset.cap, 10) : null;
    var limits = (table.dataset.limits || "").split(",").map(function (n) { return parseInt(n, 10); });
    var submitting = false;

    function dataRows() {
      return Array.prototype.filter.call(table.tBodies[0].rows, function (tr) {
        return tr.querySelector("input[data-col]");
      });
    }

    function refreshCount() {
      if (!counter) return;
      var n = table.querySelectorAll("input.dirty").length;
      counter.textContent = n ? "已改动" + n + "个单元格，尚未保存" : "";
    }

    function refreshFilled() {
      if (!filled) return;
      var n = cellsOfColumn(table, 0).filter(function (input) { return input.value.trim() !== ""; }).length;
      filled.textContent = "已填 " + n + "/" + filled.dataset.total;
    }

    function refreshScore(row) {
      var cell = row.querySelector("[data-score]");
      var input = row.querySelector('input[data-col="0"]');
      if (!cell || !input) return;
      var count = number(input.value);
      if (count === null || !perItem || cap === null) {
        cell.textContent = "";
        return;
      }
      cell.textContent = formatPoints(Math.min(count, cap) * perItem.value, perItem.scale);
    }

    function recentOf(row) {
      var text = row.dataset.recent || "";
      return text ? text.split(",").map(function (n) { return parseInt(n, 10); }) : [];
    }

    function doubtOf(input) {
      // 与服务器相同的规则：超过该列的常见上限，或发布数超过近几个月最高值的3倍且多出30条以上。
      var value = number(input.value);
      if (value === null || input.value === input.defaultValue) return "";
      var col = parseInt(input.dataset.col, 10);
      var row = input.closest("tr");
      var recent = recentOf(row);
      var why = "";
      if (limits[col] && value >= limits[col]) why = "远超常见数值";
      if (col === 0 && recent.length) {
        var top = Math.max.apply(null, recent);
        if (value > Math.max(RATIO * top, top + MARGIN)) why = "近" + recent.length + "个月为" + recent.join("、");
      }
      if (!why) return "";
      var unit = row.querySelector("th.unit").firstChild.textContent.trim();
      return unit + " " + LABELS[col] + " " + value + "（" + why + "）";
    }

    function changed(input) {
      input.classList.toggle("dirty", input.value !== input.defaultValue);
      input.classList.toggle("suspect", !/^\s*[0-9\uFF10-\uFF19]*\s*$/.test(input.value));
      input.classList.toggle("doubtful", doubtOf(input) !== "");
      if (input.dataset.col === "0") refreshScore(input.closest("tr"));
    }

    function pasteBlock(input, text) {
      var lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
      var rows = dataRows();
      var start = rows.indexOf(input.closest("tr"));
      var startCol = parseInt(input.dataset.col, 10);
      var done = 0, skipped = 0, beyond = 0;
      lines.forEach(function (line, r) {
        var row = rows[start + r];
        if (!row) { beyond += 1; return; }
        line.split("\t").forEach(function (value, c) {
          var target = row.querySelector('input[data-col="' + (startCol + c) + '"]');
          if (!target) { skipped += 1; return; }
          target.value = value.replace(/[,，\s]/g, "");
          changed(target);
          done += 1;
        });
      });
      refreshCount();
      refreshFilled();
      if (pasteStatus) {
        var text2 = "已粘贴" + done + "个单元格";
        if (skipped) text2 += "，" + skipped + "个数值所在的格不可填写（逐篇登记的月份），已跳过";
        if (beyond) text2 += "，超出表格的" + beyond + "行已忽略";
        pasteStatus.textContent = text2 + "。";
      }
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
      changed(input);
      refreshCount();
      refreshFilled();
    });

    table.addEventListener("paste", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("input[data-col]")) return;
      var text = (event.clipboardData || window.clipboardData).getData("text");
      if (!/[\t\n\r]/.test(text.replace(/[\r\n]+$/, ""))) {
        if (/[\r\n]+$/.test(text)) {  // 从Excel复制的一格带换行：只取数字
          event.preventDefault();
          pasteBlock(input, text);
        }
        return;
      }
      event.preventDefault();
      pasteBlock(input, text);
    });

    if (form) {
      form.addEventListener("submit", function (event) {
        var doubts = [], first = null;
        Array.prototype.forEach.call(table.querySelectorAll("input.dirty"), function (input) {
          var text = doubtOf(input);
          if (text) { doubts.push(text); first = first || input; }
        });
        var field = table.dataset.confirmField;
        var confirmed = form.querySelector('input[name="' + field + '"]:checked, input[type=hidden][name="' + field + '"]');
        if (doubts.length && !confirmed) {
          var ok = window.confirm("以下数值与该单位近几个月相差很大或远超常见数值，确定保存吗？\n\n" + doubts.join("\n"));
          if (!ok) {
            event.preventDefault();
            first.focus();
            return;
          }
          var flag = document.createElement("input");
          flag.type = "hidden";
          flag.name = field;
          flag.value = "1";
          form.appendChild(flag);
        }
        submitting = true;
      });
      window.addEventListener("beforeunload", function (event) {
        if (!submitting && table.querySelector("input.dirty")) {
          event.preventDefault();
          event.returnValue = "";
        }
      });
    }
    refreshFilled();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-grid]"), setupGrid);
  });
})();
