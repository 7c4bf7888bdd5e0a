// Progressive enhancement of the payment-model editor: changing a metric's kind, basis or scope shows that kind's fields
// at once (the "Forhåndsvis" button does the same without JavaScript); nothing is saved.
document.querySelectorAll("#model-form select.refresh").forEach(select =>
    select.addEventListener("change", () => select.form.requestSubmit(document.getElementById("preview-button"))));
