// Keeps each colour picker and its text field in step (the text field is what the form sends; the picker is a
// convenience). Without JavaScript the text field alone works.
document.addEventListener("DOMContentLoaded", function () {
  var colour = /^#[0-9a-fA-F]{6}$/;
  document.querySelectorAll("input[type=color][data-colour-for]").forEach(function (picker) {
    var text = document.getElementById(picker.getAttribute("data-colour-for"));
    if (!text) { return; }
    picker.addEventListener("input", function () { text.value = picker.value; });
    text.addEventListener("input", function () {
      if (colour.test(text.value.trim())) { picker.value = text.value.trim().toLowerCase(); }
    });
  });
});
