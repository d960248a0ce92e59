/* 年度报告表格：输入时计算总计，并按与服务器完全相同的规则和文字检查勾稽关系（渐进增强：
 * 没有 JavaScript 时表单照常可用，保存和提交时服务器做同样的检查）。
 *
 * 规则来自页面中的 #annual-spec（由 annual_reports/checks.py 的 browser_spec 生成）：
 * sums 为各总计格的组成格；equations 为各项等式（左边之和应等于右边之和）。
 */
(function () {
  "use strict";

  var COUNT = /^[0-9]+$/;
  var AMOUNT = /^[0-9]+(\.[0-9]{1,6})?$/;
  var SCALE = 1000000; /* 金额最多六位小数：按百万分之一为单位用整数计算，不用浮点 */

  function plain(text) {
    return (text || "").normalize("NFKC").trim();
  }

  function toUnits(text) {
    var parts = text.split(".");
    var units = parseInt(parts[0], 10) * SCALE;
    if (parts.length > 1) units += parseInt((parts[1] + "000000").slice(0, 6), 10);
    return units;
  }

  function show(units) {
    if (units < 0) return "-" + show(-units);
    var whole = Math.floor(units / SCALE);
    var rest = units % SCALE;
    if (rest === 0) return String(whole);
    return whole + "." + String(rest + SCALE).slice(1).replace(/0+$/, "");
  }

  function setup(form, spec) {
    var inputs = {};
    var outputs = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[data-cell]"), function (input) {
      inputs[input.getAttribute("data-cell")] = input;
    });
    Array.prototype.forEach.call(form.querySelectorAll("output[data-cell]"), function (output) {
      outputs[output.getAttribute("data-cell")] = output;
    });
    // Cells shown but not typed (三 and 四 由登记簿生成): their numbers count in the totals and checks.
    var locked = {};
    Array.prototype.forEach.call(form.querySelectorAll("td[data-cell]"), function (cell) {
      locked[cell.getAttribute("data-cell")] = cell;
    });
    var amounts = {};
    spec.amounts.forEach(function (key) { amounts[key] = true; });
    var list = document.querySelector("[data-problems]");
    var empty = document.querySelector("[data-problems-empty]");

    function read(problems) {
      var values = {};
      Object.keys(inputs).forEach(function (key) {
        var text = plain(inputs[key].value);
        values[key] = null;
        if (!text) return;
        var amount = amounts[key];
        var rule = amount ? spec.rules.amount : spec.rules.count;
        if (!(amount ? AMOUNT : COUNT).test(text)) {
          problems.push({ level: "error", cells: [key], message: rule + "：" + spec.names[key] + "填写的是“" + text.slice(0, 20) + "”。" });
          return;
        }
        var units = toUnits(text);
        if (units > spec.rules.max * SCALE) {
          problems.push({ level: "error", cells: [key], message: spec.rules.large + "：" + spec.names[key] + "填写的是“" + text.slice(0, 20) + "”。" });
          return;
        }
        values[key] = units;
        if (amount) inputs[key].classList.remove("suspect");
      });
      Object.keys(locked).forEach(function (key) {
        var text = plain(locked[key].textContent);
        values[key] = COUNT.test(text) || AMOUNT.test(text) ? toUnits(text) : null;
      });
      Object.keys(spec.sums).forEach(function (key) {
        var total = 0;
        var known = spec.sums[key].every(function (part) {
          if (values[part] === null || values[part] === undefined) return false;
          total += values[part];
          return true;
        });
        values[key] = known ? total : null;
        if (outputs[key]) (outputs[key].querySelector("a") || outputs[key]).textContent = known ? show(total) : "";
      });
      return values;
    }

    function term(t, values) {
      if (t.constant !== undefined) return t.constant === null ? null : toUnits(t.constant);
      var total = 0;
      for (var i = 0; i < t.cells.length; i++) {
        var v = values[t.cells[i]];
        if (v === null || v === undefined) return null;
        total += v;
      }
      return total;
    }

    function side(terms, amounts) {
      var total = 0;
      terms.forEach(function (t, i) { total += t.sign * amounts[i]; });
      if (terms.length === 1 && terms[0].sign === 1) return [total, terms[0].label + show(amounts[0])];
      var text = terms.map(function (t, i) {
        var joint = i === 0 ? "" : (t.sign < 0 ? " - " : " + ");
        return joint + t.label + show(amounts[i]);
      }).join("");
      return [total, text + " = " + show(total)];
    }

    function evaluate(eq, values) {
      var left = eq.left.map(function (t) { return term(t, values); });
      var right = eq.right.map(function (t) { return term(t, values); });
      if (left.concat(right).some(function (v) { return v === null; })) return null;
      var l = side(eq.left, left);
      var r = side(eq.right, right);
      if (l[0] === r[0]) return null;
      return { level: eq.level, cells: eq.cells, message: eq.rule + "：" + eq.where + " " + l[1] + "，" + r[1] + "，两者不等。" };
    }

    function render(problems, blank) {
      Array.prototype.forEach.call(list.querySelectorAll("[data-table-check]"), function (li) { li.remove(); });
      var first = list.firstChild;
      problems.forEach(function (p) {
        var li = document.createElement("li");
        li.className = "problem " + p.level;
        li.setAttribute("data-table-check", "");
        li.setAttribute("data-cells", p.cells.join(" "));
        li.textContent = p.message;
        list.insertBefore(li, first);
      });
      if (empty) {
        empty.hidden = list.children.length > 0;
        empty.textContent = empty.getAttribute(blank ? "data-blank-text" : "data-checked-text");
      }
      var bad = {};
      var warn = {};
      problems.forEach(function (p) {
        p.cells.forEach(function (key) { (p.level === "error" ? bad : warn)[key] = true; });
      });
      Object.keys(inputs).forEach(function (key) {
        var cell = inputs[key].closest("td");
        cell.classList.toggle("invalid", !!bad[key]);
        cell.classList.toggle("warn", !bad[key] && !!warn[key]);
        if (bad[key]) inputs[key].setAttribute("aria-invalid", "true");
        else inputs[key].removeAttribute("aria-invalid");
      });
    }

    function missing(values, problems) {
      var bad = {};
      problems.forEach(function (p) { p.cells.forEach(function (key) { bad[key] = true; }); });
      var empty = Object.keys(inputs).filter(function (key) { return values[key] === null && !bad[key]; });
      if (!empty.length) return [];
      var text = spec.rules.filled + "：还有" + empty.length + "格未填写，如" + spec.names[empty[0]] + "。";
      return [{ level: "error", cells: empty, message: text }];
    }

    function refresh() {
      var problems = [];
      var values = read(problems);
      var errors = problems.concat(spec.require_all ? missing(values, problems) : []);
      var warnings = [];
      spec.equations.forEach(function (eq) {
        var p = evaluate(eq, values);
        if (p) (p.level === "error" ? errors : warnings).push(p);
      });
      var blank = Object.keys(values).every(function (key) { return values[key] === null; });
      render(errors.concat(warnings), blank);
    }

    form.addEventListener("input", function (event) {
      if (event.target.matches && event.target.matches("input[data-cell]")) refresh();
    });
    refresh();
  }

  function setupFill(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-fill"));
      var source = button.parentNode.querySelector("[data-generated]");
      if (!target || !source) return;
      var text = source.textContent.trim();
      var typed = target.value.trim();
      if (typed && typed !== text && !window.confirm("框中已填写的文字将被生成的文字代替（点“取消”保留原文字）。确定替换吗？")) return;
      target.value = text;
      target.dispatchEvent(new Event("input", { bubbles: true }));
      target.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = document.getElementById("annual-spec");
    var form = document.getElementById("report-form");
    if (data && form && form.querySelector("input[data-cell]")) setup(form, JSON.parse(data.textContent));
    Array.prototype.forEach.call(document.querySelectorAll("button[data-fill]"), setupFill);
  });
})();
