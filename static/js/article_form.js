/* 稿件登记表：字数不足400字时当场改为“不符合要求”并填上原因“字数不足400字”（已填别的原因的保留），
 * 字数改到400字以上时撤销这一自动标记——与服务器保存时的规则相同（submissions.models.length_verdict）。
 * 渐进增强：没有 JavaScript 时由服务器照同样的规则登记。 */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var count = document.querySelector("input[data-min-chars]");
    if (!count) return;
    var form = count.form;
    var reason = form.querySelector("input[name=non_compliance_reason]");
    var compliant = form.querySelector("input[name=is_compliant][value='1']");
    var failing = form.querySelector("input[name=is_compliant][value='0']");
    var status = form.querySelector("[data-length-status]");
    var minimum = parseInt(count.dataset.minChars, 10);
    var short = count.dataset.shortReason;

    count.addEventListener("input", function () {
      var text = count.value.trim();
      var n = /^\d+$/.test(text) ? parseInt(text, 10) : null;
      if (n !== null && n < minimum) {
        failing.checked = true;
        if (!reason.value.trim()) reason.value = short;
        if (status) status.textContent = "不足" + minimum + "字，将登记为“不符合要求”。";
      } else {
        if (n !== null && failing.checked && reason.value.trim() === short) {
          compliant.checked = true;
          reason.value = "";
        }
        if (status) status.textContent = "";
      }
    });
  });
})();
