/* 月度填报表格和季度表（渐进增强：没有 JavaScript 时表单照常可用，服务器同样校验并要求确认可疑数值）。
 *
 * 表格 [data-grid]：
 * - Tab 向右（浏览器默认），Enter 到下一行同一列，Shift+Enter 到上一行同一列，↑ ↓ 同样上下移动；
 *   进入单元格时全选内容，直接输入即替换。已改动的单元格标记为 .dirty，离开页面前如有未保存的改动会提示。
 * - 粘贴（从 Excel、WPS 复制的一格、一列或一块）先由 grid_paste.js 读懂：能填的先显示在格中
 *   （标记为 .pasted，尚未保存），下方一行说明填了多少格、哪些列，可“撤销粘贴”；不合适的整块拒绝并说明
 *   应在哪里粘贴，表格不变。
 * - 每行的得分随发布数即时计算（每条分值、每月上限由服务器按本季度的计分规则给出：
 *   data-points、data-cap；季度表为三个月之和），“已填 x/N”随之更新。
 * - 保存前，数值远超常见范围（data-limits，按列）或远高于该单位近几个月（格或行的 data-recent）的，
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
    // 全角数字、千位分隔符照读，与服务器相同；不是整数则返回 null。
    var cell = window.GridPaste.readCell(text);
    return cell.value !== undefined ? parseInt(cell.value, 10) : null;
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
    var pasteNotes = form ? form.querySelector("[data-paste-notes]") : null;
    var undoButton = form ? form.querySelector("[data-paste-undo]") : null;
    var undoStack = [];
    var labels = table.dataset.labels ? table.dataset.labels.split(",") : LABELS;
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
      var pub = table.querySelectorAll('input[data-kind="pub"]');
      var n = Array.prototype.filter.call(pub, function (input) { return input.value.trim() !== ""; }).length;
      filled.textContent = "已填 " + n + "/" + filled.dataset.total;
    }

    function refreshScore(row) {
      // 本月得分；季度表为三个月得分之和（读不出的月份不计，一个月也读不出则空白）。
      var cell = row.querySelector("[data-score]");
      if (!cell) return;
      var items = 0, read = 0;
      Array.prototype.forEach.call(row.querySelectorAll('input[data-kind="pub"]'), function (input) {
        var count = number(input.value);
        if (count === null) return;
        read += 1;
        items += Math.min(count, cap);
      });
      if (!read || !perItem || cap === null) {
        cell.textContent = "";
        return;
      }
      cell.textContent = formatPoints(items * perItem.value, perItem.scale);
    }

    function recentOf(input) {
      var text = input.dataset.recent !== undefined ? input.dataset.recent : (input.closest("tr").dataset.recent || "");
      return text ? text.split(",").map(function (n) { return parseInt(n, 10); }) : [];
    }

    function doubtOf(input) {
      // 与服务器相同的规则：超过该列的常见上限，或发布数超过近几个月最高值的3倍且多出30条以上。
      var value = number(input.value);
      if (value === null || input.value === input.defaultValue) return "";
      var col = parseInt(input.dataset.col, 10);
      var row = input.closest("tr");
      var recent = recentOf(input);
      var why = "";
      if (limits[col] && value >= limits[col]) why = "远超常见数值";
      if (input.dataset.kind === "pub" && recent.length) {
        var top = Math.max.apply(null, recent);
        if (value > Math.max(RATIO * top, top + MARGIN)) why = "近" + recent.length + "个月为" + recent.join("、");
      }
      if (!why) return "";
      var unit = row.querySelector("th.unit").firstChild.textContent.trim();
      return unit + " " + labels[col] + " " + value + "（" + why + "）";
    }

    function changed(input) {
      input.classList.toggle("dirty", input.value !== input.defaultValue);
      input.classList.toggle("suspect", input.value.trim() !== "" && number(input.value) === null);
      input.classList.toggle("doubtful", doubtOf(input) !== "");
      if (input.dataset.kind === "pub") refreshScore(input.closest("tr"));
    }

    function pageModel() {
      var months = (table.dataset.months || "").split(",").map(function (m) { return parseInt(m, 10); });
      var quarter = months.length > 1;
      var first = 3 * Math.floor((months[0] - 1) / 3) + 1;
      var cols = quarter
        ? months.map(function (m, i) { return { kind: "pub", label: labels[i], month: m }; })
        : ["pub", "sub", "nc", "city", "prov"].map(function (k, i) { return { kind: k, label: LABELS[i], month: months[0] }; });
      var rows = dataRows(), index = {};
      rows.forEach(function (tr) {
        (tr.dataset.names || "").split("|").filter(Boolean).forEach(function (key) {
          key = window.GridPaste.normName(key);
          index[key] = index[key] && index[key] !== tr ? "ambiguous" : tr;
        });
      });
      var tallyLimits = (table.dataset.tallyLimits || (table.dataset.limits || "").split(",").slice(1).join(","))
        .split(",").map(function (n) { return parseInt(n, 10); });
      return {
        kind: quarter ? "quarter" : "month",
        months: months,
        quarterMonths: [first, first + 1, first + 2],
        period: table.dataset.period || "",
        quarterUrl: table.dataset.quarterUrl || "",
        quarterLabel: table.dataset.quarterLabel || "",
        monthUrls: (table.dataset.monthUrls || "").split("|").filter(Boolean),
        cols: cols,
        limits: limits,
        tallyLimits: tallyLimits,
        rows: rows,
        nameIndex: index,
        rowName: function (tr) { return tr.querySelector("th.unit").firstChild.textContent.trim(); },
        cellAt: function (tr, col) { return tr.querySelector('input[data-col="' + col + '"]'); }
      };
    }

    function showNotes(items, link, refused) {
      if (!pasteNotes) return;
      pasteNotes.textContent = "";
      pasteNotes.classList.toggle("refused", !!refused);
      items.forEach(function (text) {
        var li = document.createElement("li");
        li.textContent = text;
        pasteNotes.appendChild(li);
      });
      if (link && link.href) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = link.href;
        a.textContent = link.text;
        li.appendChild(a);
        pasteNotes.appendChild(li);
      }
      pasteNotes.hidden = !pasteNotes.childNodes.length;
    }

    function say(text, refused) {
      if (!pasteStatus) return;
      pasteStatus.textContent = text;
      pasteStatus.classList.toggle("refused", !!refused);
      pasteStatus.setAttribute("role", refused ? "alert" : "status");
    }

    function pasteBlock(input, text) {
      var page = pageModel();
      var result = window.GridPaste.plan(text, page, {
        row: page.rows.indexOf(input.closest("tr")),
        col: parseInt(input.dataset.col, 10)
      });
      if (result.refused) {
        say(result.refused, true);
        showNotes([], result.link, true);
        return;
      }
      var undo = [];
      result.cells.forEach(function (cell) {
        var target = cell.input;
        undo.push({ input: target, value: target.value, pasted: target.classList.contains("pasted"),
          normalised: target.classList.contains("normalised") });
        target.value = cell.value;
        target.classList.add("pasted");
        target.classList.toggle("normalised", !!cell.note);
        changed(target);
      });
      undoStack.push(undo);
      if (undoButton) undoButton.hidden = false;
      refreshCount();
      refreshFilled();
      var line = "已粘贴" + result.cells.length + "个单元格（" + result.columns.join("、") + "，" + result.units +
        "个单位），尚未保存，核对后请点“保存”";
      if (result.blanks) line += "；" + result.blanks + "个空白格未填入（仍为未录入）";
      if (result.skipped.length) {
        line += "；" + result.skipped.length + "个数值所在的格不可填写（逐篇登记的月份），未填入：" + result.skipped.join("、");
      }
      say(line + "。", false);
      showNotes(result.notes, null, false);
    }

    if (undoButton) {
      undoButton.addEventListener("click", function () {
        var undo = undoStack.pop();
        if (!undo) return;
        undo.forEach(function (item) {
          item.input.value = item.value;
          item.input.classList.toggle("pasted", item.pasted);
          item.input.classList.toggle("normalised", item.normalised);
          changed(item.input);
        });
        refreshCount();
        refreshFilled();
        undoButton.hidden = !undoStack.length;
        say("已撤销粘贴，恢复了" + undo.length + "个单元格。", false);
        showNotes([], null, false);
        if (undo.length) undo[0].input.focus();
      });
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
      input.classList.remove("pasted", "normalised");
      changed(input);
      refreshCount();
      refreshFilled();
    });

    table.addEventListener("paste", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("input[data-col]")) return;
      var text = (event.clipboardData || window.clipboardData).getData("text");
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
