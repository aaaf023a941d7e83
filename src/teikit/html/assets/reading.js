// teikit reading view: the sic/corr toggle, footnote pop-ups, one person's turns. No network.
(function () {
  "use strict";
  var body = document.body;
  var toggle = document.getElementById("tk-reading");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var written = body.classList.toggle("as-written");
      toggle.setAttribute("aria-pressed", written ? "true" : "false");
      toggle.textContent = written ? "Showing: as written" : "Showing: as corrected";
    });
  }
  var open = null;
  function close(pop) {
    if (!pop) { return; }
    pop.hidden = true;
    var ref = pop.parentNode.querySelector(".fn-ref");
    if (ref) { ref.setAttribute("aria-expanded", "false"); }
    if (open === pop) { open = null; }
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    var closer = target.closest ? target.closest(".fn-close") : null;
    if (closer) {
      var owner = closer.closest(".fn-pop");
      close(owner);
      var back = owner && owner.parentNode.querySelector(".fn-ref");
      if (back) { back.focus(); }
      return;
    }
    var ref = target.closest ? target.closest(".fn-ref") : null;
    if (ref) {
      event.preventDefault();
      var pop = document.getElementById(ref.getAttribute("aria-controls"));
      if (!pop) { return; }
      if (pop.hidden) {
        close(open);
        pop.hidden = false;
        ref.setAttribute("aria-expanded", "true");
        open = pop;
      } else {
        close(pop);
      }
      return;
    }
    if (open && !(target.closest && target.closest(".fn-pop"))) { close(open); }
    var only = target.closest ? target.closest(".only-person") : null;
    if (only) {
      var person = only.getAttribute("data-person");
      var on = only.getAttribute("aria-pressed") !== "true";
      var buttons = document.querySelectorAll(".only-person");
      for (var i = 0; i < buttons.length; i++) { buttons[i].setAttribute("aria-pressed", "false"); }
      var turns = document.querySelectorAll(".sp");
      for (var j = 0; j < turns.length; j++) {
        turns[j].classList.toggle("chosen", on && turns[j].getAttribute("data-person") === person);
      }
      body.classList.toggle("one-person", on);
      only.setAttribute("aria-pressed", on ? "true" : "false");
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      var ref = open.parentNode.querySelector(".fn-ref");
      close(open);
      if (ref) { ref.focus(); }
    }
  });
})();
