// Sends the CSRF token with every htmx request and wires the few interactive bits without inline scripts.
document.addEventListener("DOMContentLoaded", function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && window.htmx) {
    document.body.addEventListener("htmx:configRequest", function (event) {
      event.detail.headers[header.content] = token.content;
    });
  }
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy-target"));
      if (!source || !navigator.clipboard) { return; }
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        var status = document.getElementById(button.getAttribute("data-copy-status"));
        if (status) { status.textContent = "Copied."; }
      });
    });
  });
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
});

// Square crop box for logo uploads: the server receives the square in source-image pixels (cropX, cropY, cropSize).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-crop]").forEach(function (picker) {
    var file = picker.querySelector('input[type="file"]');
    var stage = picker.querySelector(".crop-stage");
    var image = picker.querySelector(".crop-image");
    var box = picker.querySelector(".crop-box");
    var sizeInput = picker.querySelector(".crop-size");
    var fields = { x: picker.querySelector(".crop-x"), y: picker.querySelector(".crop-y"), size: picker.querySelector(".crop-size-value") };
    var crop = { x: 0, y: 0, size: 0 };
    var natural = { w: 0, h: 0 };

    function scale() { return image.clientWidth / natural.w; }
    function clamp() {
      crop.size = Math.max(16, Math.min(crop.size, natural.w, natural.h));
      crop.x = Math.max(0, Math.min(crop.x, natural.w - crop.size));
      crop.y = Math.max(0, Math.min(crop.y, natural.h - crop.size));
    }
    function render() {
      clamp();
      var s = scale();
      box.style.left = crop.x * s + "px";
      box.style.top = crop.y * s + "px";
      box.style.width = box.style.height = crop.size * s + "px";
      fields.x.value = Math.round(crop.x);
      fields.y.value = Math.round(crop.y);
      fields.size.value = Math.round(crop.size);
      box.setAttribute("aria-valuetext", "square of " + Math.round(crop.size) + " pixels at " + Math.round(crop.x) + ", " + Math.round(crop.y));
    }
    function reset() {
      crop.size = Math.min(natural.w, natural.h);
      crop.x = (natural.w - crop.size) / 2;
      crop.y = (natural.h - crop.size) / 2;
      sizeInput.min = 16;
      sizeInput.max = crop.size;
      sizeInput.value = crop.size;
      render();
    }
    file.addEventListener("change", function () {
      fields.x.value = fields.y.value = fields.size.value = "";
      if (!file.files.length) { stage.hidden = true; return; }
      image.onload = function () {
        natural = { w: image.naturalWidth, h: image.naturalHeight };
        stage.hidden = false;
        reset();
      };
      image.onerror = function () { stage.hidden = true; };
      image.src = URL.createObjectURL(file.files[0]);
    });
    sizeInput.addEventListener("input", function () {
      var centreX = crop.x + crop.size / 2, centreY = crop.y + crop.size / 2;
      crop.size = Number(sizeInput.value);
      crop.x = centreX - crop.size / 2;
      crop.y = centreY - crop.size / 2;
      render();
    });
    box.addEventListener("keydown", function (event) {
      var step = Math.max(1, Math.round(natural.w / 50));
      var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (!moves[event.key]) { return; }
      event.preventDefault();
      crop.x += moves[event.key][0];
      crop.y += moves[event.key][1];
      render();
    });
    box.addEventListener("pointerdown", function (event) {
      var start = { x: event.clientX, y: event.clientY, cropX: crop.x, cropY: crop.y };
      box.setPointerCapture(event.pointerId);
      function move(e) {
        crop.x = start.cropX + (e.clientX - start.x) / scale();
        crop.y = start.cropY + (e.clientY - start.y) / scale();
        render();
      }
      function up() {
        box.removeEventListener("pointermove", move);
        box.removeEventListener("pointerup", up);
      }
      box.addEventListener("pointermove", move);
      box.addEventListener("pointerup", up);
    });
    window.addEventListener("resize", function () { if (!stage.hidden) { render(); } });
  });
});

// Forms that keep their state in the URL (hx-push-url): when the back or forward button restores a page from htmx's
// history, the saved page has the fields as they were when it was left; show the filters of the restored URL instead.
document.addEventListener("htmx:historyRestore", function () {
  var params = new URLSearchParams(window.location.search);
  document.querySelectorAll("form[hx-push-url]").forEach(function (form) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "submit" || field.type === "button") { return; }
      var value = params.has(field.name) ? params.get(field.name) : "";
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = params.getAll(field.name).indexOf(field.value) >= 0;
      } else if (field.tagName === "SELECT") {
        var known = Array.prototype.some.call(field.options, function (option) { return option.value === value; });
        field.selectedIndex = -1;
        if (known) { field.value = value; } else if (field.options.length) { field.selectedIndex = 0; }
      } else {
        field.value = value;
      }
    });
  });
});

// @mentions in comment fields: "@" and a few letters list matching team members under the field (a listbox tied to
// the field with aria-activedescendant); arrow keys move through them, Enter or Tab or a click inserts the handle,
// Escape closes the list.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("textarea[data-mention-source]").forEach(function (field) {
    var list = document.getElementById(field.getAttribute("aria-controls"));
    if (!list) { return; }
    var options = [], active = -1, request = null;

    function typed() {
      var match = /(^|[\s(])@([\w.+-]{1,60})$/.exec(field.value.slice(0, field.selectionStart));
      return match ? match[2] : null;
    }
    function close() {
      list.hidden = true;
      list.textContent = "";
      options = [];
      active = -1;
      field.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      active = index;
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index < 0) { field.removeAttribute("aria-activedescendant"); return; }
      field.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }
    function insert(handle) {
      var caret = field.selectionStart;
      var before = field.value.slice(0, caret).replace(/@[\w.+-]*$/, "@" + handle + " ");
      field.value = before + field.value.slice(caret);
      field.setSelectionRange(before.length, before.length);
      close();
      field.focus();
    }
    function show(people) {
      close();
      people.forEach(function (person, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("data-handle", person.handle);
        option.textContent = person.name + " (@" + person.handle + ")";
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          insert(person.handle);
        });
        list.appendChild(option);
        options.push(option);
      });
      list.hidden = options.length === 0;
      highlight(options.length ? 0 : -1);
    }

    field.addEventListener("input", function () {
      var query = typed();
      if (query === null) { close(); return; }
      if (request) { request.abort(); }
      request = new AbortController();
      fetch(field.getAttribute("data-mention-source") + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: request.signal
      }).then(function (response) { return response.ok ? response.json() : []; })
        .then(function (people) { if (typed() === query) { show(people); } })
        .catch(function () { /* aborted by newer typing, or offline: no suggestions */ });
    });
    field.addEventListener("keydown", function (event) {
      if (list.hidden || !options.length) { return; }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : options.length - 1;
        highlight((active + step) % options.length);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
        event.preventDefault();
        insert(options[active].getAttribute("data-handle"));
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    field.addEventListener("blur", close);
  });
});

// Type-ahead filters (findings list: client and project). htmx puts the matching options into the listbox under the
// field as the user types or focuses it; arrow keys move through them (aria-activedescendant), Enter or a click picks
// one (its id goes into the hidden field named by data-pick and the form updates), Escape closes. Typing clears the
// hidden id, so a name that is typed but not picked is matched by the server, as without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[role=combobox][data-pick]").forEach(function (field) {
    var list = document.getElementById(field.getAttribute("aria-controls"));
    var hidden = field.form && field.form.elements[field.getAttribute("data-pick")];
    if (!list || !hidden) { return; }
    var active = -1;

    function options() {
      return Array.prototype.filter.call(list.querySelectorAll("[role=option]"), function (option) {
        return option.getAttribute("aria-disabled") !== "true";
      });
    }
    function highlight(index) {
      var all = options();
      active = index;
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index < 0 || !all[index]) { field.removeAttribute("aria-activedescendant"); return; }
      field.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    }
    function open(show) {
      list.hidden = !show;
      field.setAttribute("aria-expanded", show ? "true" : "false");
      if (!show) { highlight(-1); }
    }
    function pick(option) {
      field.value = option.getAttribute("data-label");
      hidden.value = option.getAttribute("data-value");
      open(false);
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }

    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.detail.target !== list) { return; }
      open(document.activeElement === field && list.children.length > 0);
      highlight(-1);
    });
    field.addEventListener("input", function () { hidden.value = ""; });
    field.addEventListener("keydown", function (event) {
      var all = options();
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!all.length) { return; }
        event.preventDefault();
        open(true);
        var step = event.key === "ArrowDown" ? 1 : all.length - 1;
        highlight(active < 0 ? (event.key === "ArrowDown" ? 0 : all.length - 1) : (active + step) % all.length);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        pick(all[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        open(false);
      }
    });
    list.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role=option]");
      event.preventDefault();
      if (option && option.getAttribute("aria-disabled") !== "true") { pick(option); }
    });
    field.addEventListener("blur", function () { open(false); });
  });
});
