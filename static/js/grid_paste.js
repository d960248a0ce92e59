/* 月度填报表格的粘贴：先读懂从 Excel、WPS 复制的一块，再决定填到哪些格，或者整块拒绝。
 *
 * GridPaste.plan(text, page, start) 不改动页面，只返回计划：
 *   { refused: "一句话说明", link: {href, text} }   整块拒绝，什么也不填；
 *   { cells: [{input, value, note}], blanks, skipped, columns, units, notes }   要填的格。
 * page 描述当前表格：各列（data-col）的种类、名称、月份，各行单位的名称（含别名）等，见 grid.js。
 *
 * 读懂的情况：
 * - 表头行（如“单位 10月 11月 12月”，或“发布数 投稿件数”）：按表头对齐到相应的列；表头的月份或
 *   种类与本页不符时拒绝，并说明应在哪里粘贴（三个月的发布数 → 季度表）。
 * - 开头的单位名称列（可带序号列）：按名称（含别名，可省“区”或写“临淄区”）填到对应单位的行；
 *   找不到或重复的名称整块拒绝并指出是哪一个。
 * - 没有名称列时从所点的行往下填；超出本页的行数则整块拒绝。
 * - 没有表头时按数字的样子判断：落在投稿件数、不合格件数等列的数字明显不像投稿情况（不合格多于投稿、
 *   平均每个单位每月投稿5件以上、超过常见上限）时拒绝，多半是几个月的发布数。
 * - 单元格：全角数字、千位分隔符（1,234）照读并注明；空白格不填（未录入的仍为未录入）；
 *   不是整数的格整块拒绝并指出位置。
 */
(function () {
  "use strict";

  var MAX_COUNT = 100000;        // 与 core/bounds.py 的 MAX_COUNT 相同
  var TALLY_MEAN = 5;            // 投稿类的列平均每个单位每月超过这么多件，不像投稿情况
  var CN_COUNT = ["零", "一", "两", "三", "四", "五", "六"];
  var KIND_WORDS = {
    pub: ["发布数", "发布数量", "网站信息发布数", "信息发布数", "数量"],
    sub: ["投稿件数", "投稿数", "投稿"],
    nc: ["不合格件数", "不合格", "不合格数"],
    city: ["市级采用", "市级采用数", "市采用"],
    prov: ["省级采用", "省级采用数", "省采用"]
  };
  var NAME_WORDS = ["单位", "单位名称", "部门", "镇街", "部门单位"];
  var NUMBER_WORDS = ["序号", "编号"];
  var OTHER_WORDS = ["累计得分", "得分", "加分", "减分", "合计", "总计", "小计", "备注"];
  // 合计行的单位名称（与 core/imports/totals.py 的 TOTAL_ROW 相同）
  var TOTAL_ROW = /^(?:全区|全部|各单位|区政府各部门|区直部门|各部门|部门|各镇、?街道?|镇、?街道?|镇街)?(?:合计|总计|小计|共计)$/;

  function half(text) {
    return String(text).replace(/[\uFF01-\uFF5E]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).replace(/[\u3000\u00A0]/g, " ");
  }

  function unquote(text) {
    var t = text.trim();
    return /^".*"$/.test(t) ? t.slice(1, -1).replace(/""/g, '"') : text;
  }

  // 一格的读法：{blank} | {value, note} | {text}（不是数字）| {error}
  function readCell(raw) {
    var shown = String(raw).trim();
    var text = half(unquote(raw)).trim();
    if (text === "") return { blank: true };
    var note = "";
    var digits = text;
    if (/^\d{1,3}(,\d{3})+$/.test(text)) digits = text.replace(/,/g, "");
    if (/^\d+$/.test(digits)) {
      var value = digits.replace(/^0+(?=\d)/, "");
      if (shown !== value) note = "“" + shown + "”读作" + value;
      if (value.length > 6 || parseInt(value, 10) > MAX_COUNT) return { error: "“" + shown + "”超过" + MAX_COUNT };
      return { value: value, note: note };
    }
    if (/^-\d+$/.test(text)) return { error: "“" + shown + "”是负数" };
    if (/^-?\d[\d,]*\.\d+$/.test(text)) return { error: "“" + shown + "”不是整数（像是得分，请只复制数量列）" };
    if (/^[\d,.\s]+$/.test(text)) return { error: "“" + shown + "”不是数字" };
    return { text: shown };
  }

  function monthOf(label) {
    var m = /^(\d{1,2})月份?$/.exec(half(label).replace(/\s/g, ""));
    return m ? parseInt(m[1], 10) : null;
  }

  function kindOf(label) {
    var t = half(label).replace(/\s/g, "");
    for (var kind in KIND_WORDS) {
      if (KIND_WORDS[kind].indexOf(t) >= 0) return kind;
    }
    return null;
  }

  function normName(text) {
    // 从网页、WPS 复制带来的不可见字符（零宽空格、字节顺序标记、方向标记）与服务器端 units/names.py 一样忽略
    var t = half(text).replace(/[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "");
    ["淄博市临淄区", "临淄区"].forEach(function (prefix) {
      if (t.indexOf(prefix) === 0 && t.length > prefix.length) t = "区" + t.slice(prefix.length);
    });
    return t;
  }

  // 按 Excel、WPS 的剪贴板格式分行分列：含换行、制表符或引号的格带引号（"区发改\n局"，引号写两遍）；
  // 引号没有配对的，按原样逐行分列。
  function lines(text) {
    var body = String(text).replace(/\r\n?/g, "\n").replace(/\n+$/, "");
    var rows = [], row = [], cell = "", start = true, quoted = false;
    for (var i = 0; i < body.length; i += 1) {
      var c = body.charAt(i);
      if (quoted) {
        if (c !== '"') cell += c;
        else if (body.charAt(i + 1) === '"') { cell += '"'; i += 1; }
        else quoted = false;
      } else if (start && c === '"') {
        quoted = true;
        start = false;
      } else if (c === "\t" || c === "\n") {
        row.push(cell);
        cell = "";
        start = true;
        if (c === "\n") { rows.push(row); row = []; }
      } else {
        cell += c;
        start = false;
      }
    }
    if (quoted) return body.split("\n").map(function (line) { return line.split("\t"); });
    row.push(cell);
    rows.push(row);
    return rows;
  }

  // 选区多带的空白列（行尾的制表符）和空白行：不属于这一块。
  function trimBlank(rows) {
    function blank(cell) { return half(cell).trim() === ""; }
    while (rows.length > 1 && rows[rows.length - 1].every(blank)) rows.pop();
    var width = Math.max.apply(null, rows.map(function (r) { return r.length; }));
    while (width > 1 && rows.every(function (r) { return r.length < width || blank(r[width - 1]); })) {
      rows.forEach(function (r) { if (r.length >= width) r.length = width - 1; });
      width -= 1;
    }
    return rows;
  }

  function listNames(items) {
    var shown = items.slice(0, 3).join("、");
    return items.length > 3 ? shown + "等" + items.length + "处" : shown;
  }

  function refuse(sentence, link) {
    return { refused: sentence + "整块未粘贴，表格没有任何改动。", link: link || null };
  }

  // 开头连续的表头行（不含任何数字的行），最多两行（合并表头）。
  function splitHeader(rows) {
    var header = [];
    while (header.length < 2 && rows.length > 1) {
      var row = rows[0];
      var cells = row.map(readCell);
      var hasNumber = cells.some(function (c) { return c.value !== undefined || c.error; });
      var hasText = cells.some(function (c) { return c.text !== undefined; });
      if (hasNumber || !hasText) break;
      header.push(rows.shift());
    }
    return header;
  }

  // 开头的序号列、单位名称列：返回名称列的位置（没有名称列为 -1）和数字从哪一列开始。
  function findNameColumn(body, headerLabels) {
    function textColumn(c) {
      return body.every(function (row) { return readCell(row[c] === undefined ? "" : row[c]).text !== undefined; });
    }
    function numberColumn(c) {
      return body.every(function (row) {
        var cell = readCell(row[c] === undefined ? "" : row[c]);
        return cell.value !== undefined || cell.blank;
      });
    }
    if (textColumn(0)) return { name: 0, first: 1 };
    var labelled = NUMBER_WORDS.indexOf((headerLabels[0] || "").replace(/\s/g, "")) >= 0;
    if ((labelled || numberColumn(0)) && body[0].length > 2 && textColumn(1)) return { name: 1, first: 2 };
    return { name: -1, first: 0 };
  }

  function headerLabelsOf(header, width) {
    var labels = [];
    for (var c = 0; c < width; c += 1) {
      var parts = header.map(function (row) { return (row[c] || "").trim(); }).filter(Boolean);
      labels.push(parts.length ? parts[parts.length - 1] : "");
    }
    return labels;
  }

  // 表头决定的起始列；不符时返回拒绝。
  function alignByHeader(labels, page, start) {
    var months = labels.map(monthOf);
    var kinds = labels.map(kindOf);
    var named = labels.filter(function (label, i) { return label && months[i] === null && kinds[i] === null; });
    var other = named.filter(function (label) { return OTHER_WORDS.indexOf(half(label).replace(/\s/g, "")) >= 0; });
    if (other.length) {
      return refuse("复制的内容含有“" + other.join("、") + "”列，不是本表可填写的列；请只复制各月的数量（可带单位名称列和表头）。");
    }
    var given = months.filter(function (m) { return m !== null; });
    if (given.length) {
      if (given.length !== labels.length) {
        return refuse("表头中只有" + given.map(function (m) { return m + "月"; }).join("、") + "是月份，其他列是“" + listNames(named) + "”，看不出各列应填在哪里。");
      }
      return alignMonths(given, page);
    }
    var kindsGiven = kinds.filter(function (k) { return k !== null; });
    if (kindsGiven.length && kindsGiven.length === labels.length) return alignKinds(kinds, labels, page);
    return { start: start };
  }

  function monthList(months) {
    return months.map(function (m) { return m + "月"; }).join("、");
  }

  function alignMonths(given, page) {
    var onPage = page.months;
    var missing = given.filter(function (m) { return onPage.indexOf(m) < 0; });
    if (page.kind === "month") {
      if (given.length > 1) {
        var inQuarter = !missing.length || given.every(function (m) { return page.quarterMonths.indexOf(m) >= 0; });
        return refuse(
          "看起来是" + (CN_COUNT[given.length] || given.length) + "个月的发布数（" + monthList(given) + "），请在" +
            (inQuarter ? "季度表" : "相应季度的季度表") + "中粘贴；本页是" + page.period + "一个月的表。",
          inQuarter ? { href: page.quarterUrl, text: "打开" + page.quarterLabel + "季度表 ›" } : null
        );
      }
      if (missing.length) {
        var same = page.quarterMonths.indexOf(given[0]) >= 0;
        return refuse(
          "表头是" + given[0] + "月，本页是" + page.period + "；请在" + given[0] + "月的月度表" + (same ? "或季度表" : "") + "中粘贴。",
          same ? { href: page.quarterUrl, text: "打开" + page.quarterLabel + "季度表 ›" } : null
        );
      }
      return { start: 0, byHeader: "按表头“" + given[0] + "月”填入发布数列" };
    }
    if (missing.length) {
      var quarters = given.map(function (m) { return CN_COUNT[Math.floor((m - 1) / 3) + 1].replace("两", "二"); });
      var where = quarters.every(function (q) { return q === quarters[0]; }) ? quarters[0] + "季度的季度表" : "相应月份的表";
      return refuse("表头是" + monthList(given) + "，本页是" + page.period + "（" + monthList(onPage) + "）；请在" + where + "中粘贴。");
    }
    var first = onPage.indexOf(given[0]);
    for (var i = 1; i < given.length; i += 1) {
      if (onPage.indexOf(given[i]) !== first + i) {
        return refuse("表头的月份（" + monthList(given) + "）与本页各列（" + monthList(onPage) + "）的顺序不同；请按本页的顺序复制。");
      }
    }
    return { start: first, byHeader: "按表头的月份对齐" };
  }

  function alignKinds(kinds, labels, page) {
    if (page.kind === "quarter") {
      var notPub = labels.filter(function (label, i) { return kinds[i] !== "pub"; });
      if (notPub.length) {
        return refuse("表头是“" + labels.join("、") + "”，季度表只填各月的发布数；投稿情况请在月度表中粘贴。",
          page.monthUrls.length ? { href: page.monthUrls[0], text: "打开" + page.months[0] + "月月度表 ›" } : null);
      }
      return { start: null };
    }
    var first = page.cols.map(function (col) { return col.kind; }).indexOf(kinds[0]);
    for (var i = 0; i < kinds.length; i += 1) {
      if (!page.cols[first + i] || page.cols[first + i].kind !== kinds[i]) {
        return refuse("表头的列（" + labels.join("、") + "）与本页各列的顺序不同；请按本页的顺序（" +
          page.cols.map(function (col) { return col.label; }).join("、") + "）复制。");
      }
    }
    return { start: first, byHeader: "按表头对齐" };
  }

  // 没有表头时：落在投稿类列上的数字像不像投稿情况。
  function tallyMisfit(body, first, start, page) {
    var width = body[0].length - first;
    var kinds = [];
    for (var c = 0; c < width; c += 1) kinds.push(page.cols[start + c] ? page.cols[start + c].kind : null);
    var tally = kinds.filter(function (k) { return k && k !== "pub"; });
    if (!tally.length) return "";
    var sums = {}, counts = {};
    for (var r = 0; r < body.length; r += 1) {
      var values = {};
      for (c = 0; c < width; c += 1) {
        var cell = readCell(body[r][first + c] || "");
        if (cell.value === undefined || !kinds[c]) continue;
        var n = parseInt(cell.value, 10);
        values[kinds[c]] = n;
        sums[kinds[c]] = (sums[kinds[c]] || 0) + n;
        counts[kinds[c]] = (counts[kinds[c]] || 0) + 1;
        var limit = page.limits[start + c];
        if (kinds[c] !== "pub" && limit && n >= limit) {
          return "第" + (r + 1) + "行" + page.cols[start + c].label + "为" + n + "，远超常见数值";
        }
      }
      if (values.sub !== undefined && values.nc !== undefined && values.nc > values.sub) {
        return "第" + (r + 1) + "行不合格件数" + values.nc + "大于投稿件数" + values.sub;
      }
    }
    for (var kind in sums) {
      if (kind !== "pub" && sums[kind] / counts[kind] > TALLY_MEAN) {
        var label = page.cols[start + kinds.indexOf(kind)].label;
        return label + "平均每个单位" + (Math.round(sums[kind] / counts[kind] * 10) / 10) + "件，远多于常见的投稿数";
      }
    }
    return "";
  }

  function misfitSentence(reason, width, start, page) {
    if (page.kind === "month" && start === 0 && width > 1 && width <= 3) {
      return refuse("这块数字落在" + page.cols.slice(0, width).map(function (c) { return c.label; }).join("、") +
        "上不合适（" + reason + "）。看起来是" + CN_COUNT[width] + "个月的发布数，请在季度表中粘贴。",
        { href: page.quarterUrl, text: "打开" + page.quarterLabel + "季度表 ›" });
    }
    return refuse("这块数字不像投稿情况（" + reason + "）；如果是各月的发布数，请在季度表中粘贴。",
      page.quarterUrl ? { href: page.quarterUrl, text: "打开" + page.quarterLabel + "季度表 ›" } : null);
  }

  // 季度表上：一块四列以上的数字若按月度表的投稿类列（投稿件数起）读得通，就是投稿情况。
  function tallyColumns(page) {
    var labels = ["投稿件数", "不合格件数", "市级采用", "省级采用"], kinds = ["sub", "nc", "city", "prov"];
    return { cols: kinds.map(function (k, i) { return { kind: k, label: labels[i] }; }), limits: page.tallyLimits };
  }

  // 每一行数字落在哪个单位的行上。
  function targetRows(body, nameCol, page, startRow) {
    if (nameCol < 0) {
      var available = page.rows.length - startRow;
      if (body.length > available) {
        return refuse("粘贴的内容有" + body.length + "行，本页从" + page.rowName(page.rows[startRow]) + "往下只有" + available +
          "行。请点正确的起始单元格，或连同单位名称列一起复制（按名称填入）。");
      }
      return { rows: body.map(function (row, i) { return page.rows[startRow + i]; }) };
    }
    var rows = [], unknown = [], twice = [], seen = [], headings = [];
    body.forEach(function (row) {
      var name = row[nameCol].trim();
      var found = page.nameIndex[normName(name)];
      if (found === undefined || found === "ambiguous") {
        var numbers = row.some(function (cell, c) { return c > nameCol && readCell(cell).value !== undefined; });
        if (numbers) unknown.push("第" + row.line + "行“" + name + "”" + (found === "ambiguous" ? "（对应多个单位）" : ""));
        else headings.push(i);
        rows.push(null);
        return;
      }
      if (seen.indexOf(found) >= 0) twice.push("“" + name + "”");
      seen.push(found);
      rows.push(found);
    });
    if (unknown.length) {
      return refuse(listNames(unknown) + "不是本页的单位（也不是其别名）；请核对单位名称，或只复制数字部分后点起始单元格粘贴。");
    }
    if (twice.length) return refuse(listNames(twice) + "出现了两次，看不出哪一行是对的。");
    return { rows: rows, headings: headings.length };
  }

  // 合计、小计行（第一个有内容的格是“合计”等）：不是哪个单位的数字，不填。
  function dropTotals(rows) {
    var totals = [];
    var kept = rows.filter(function (row) {
      var first = row.filter(function (cell) { return half(cell).trim() !== ""; })[0] || "";
      if (!TOTAL_ROW.test(normName(first))) return true;
      totals.push("第" + row.line + "行“" + first.trim() + "”");
      return false;
    });
    return { rows: kept, totals: totals };
  }

  function plan(text, page, start) {
    var rows = trimBlank(lines(text));
    rows.forEach(function (row, i) { row.line = i + 1; });  // 复制的这一块中的行号
    var header = splitHeader(rows);
    var dropped = dropTotals(rows);
    rows = dropped.rows;
    if (!rows.length) return refuse("复制的内容只有表头和合计行，没有各单位的数字。");
    var width = Math.max.apply(null, rows.map(function (r) { return r.length; }));
    rows.forEach(function (r) { while (r.length < width) r.push(""); });
    var labels = headerLabelsOf(header, width);
    var names = width > 1 ? findNameColumn(rows, labels) : { name: -1, first: 0 };
    var startCol = start.col;
    var aligned = { start: startCol };
    if (header.length) {
      aligned = alignByHeader(labels.slice(names.first), page, startCol);
      if (aligned.refused) return aligned;
      if (aligned.start === null) aligned.start = startCol;
    }
    startCol = aligned.start;
    var dataWidth = width - names.first;
    if (dataWidth < 1) return refuse("复制的内容只有单位名称，没有数字。");
    // 数字区里不是数字的格
    var bad = [];
    rows.forEach(function (row, r) {
      for (var c = names.first; c < width; c += 1) {
        var cell = readCell(row[c]);
        if (cell.error) bad.push("第" + row.line + "行第" + (c + 1) + "列" + cell.error);
        else if (cell.text !== undefined) bad.push("第" + row.line + "行第" + (c + 1) + "列“" + cell.text + "”不是数字");
      }
    });
    if (bad.length) return refuse(listNames(bad) + "。");
    var room = page.cols.length - startCol;
    if (dataWidth > room) {
      var sentence = "粘贴的内容有" + dataWidth + "列数字，本页从“" + page.cols[startCol].label + "”起只有" + room + "列。";
      if (page.kind === "quarter" && dataWidth >= 4 && !tallyMisfit(rows, names.first, 0, tallyColumns(page))) {
        sentence += "看起来是投稿情况（投稿件数、不合格件数、市级采用、省级采用），请在月度表中粘贴。";
      } else if (dataWidth <= page.cols.length) {
        sentence += "请点“" + page.cols[0].label + "”列的单元格再粘贴。";
      }
      return refuse(sentence);
    }
    if (!header.length) {
      var reason = tallyMisfit(rows, names.first, startCol, page);
      if (reason) return misfitSentence(reason, dataWidth, startCol, page);
    }
    var targets = targetRows(rows, names.name, page, start.row);
    if (targets.refused) return targets;
    var planned = fill(rows, targets, names.first, startCol, page, aligned.byHeader);
    if (dropped.totals.length) planned.notes.push(listNames(dropped.totals) + "是合计行，未填入");
    return planned;
  }

  function fill(rows, targets, first, startCol, page, byHeader) {
    var cells = [], notes = [], skipped = [], blanks = 0, units = 0;
    rows.forEach(function (row, r) {
      var tr = targets.rows[r];
      if (!tr) return;
      var any = false;
      for (var c = first; c < row.length; c += 1) {
        var col = startCol + c - first;
        var cell = readCell(row[c]);
        if (cell.blank) { blanks += 1; continue; }
        var input = page.cellAt(tr, col);
        if (!input) {
          skipped.push(page.rowName(tr) + page.cols[col].label + cell.value);
          continue;
        }
        any = true;
        if (cell.note) notes.push(page.rowName(tr) + " " + page.cols[col].label + "：" + cell.note);
        cells.push({ input: input, value: cell.value, note: cell.note });
      }
      if (any) units += 1;
    });
    var used = [];
    for (var c = 0; c < rows[0].length - first; c += 1) used.push(page.cols[startCol + c].label);
    if (byHeader) notes.unshift(byHeader);
    return { cells: cells, blanks: blanks, skipped: skipped, columns: used, units: units, notes: notes };
  }

  window.GridPaste = { plan: plan, readCell: readCell, normName: normName };
})();
