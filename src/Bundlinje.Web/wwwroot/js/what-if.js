// Progressive enhancement: recompute the table as soon as a what-if field changes (the button works without JavaScript).
document.getElementById("what-if")?.addEventListener("change", e => e.currentTarget.requestSubmit());
