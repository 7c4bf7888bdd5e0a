using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Bundlinje.Web.Infrastructure;

/// <summary>The framework's model-binding messages (a date like 2024-02-30, a word in a number field) in the UI language,
/// naming the field as the form does: "Dato: '2024-02-30' er ikke en gyldig dato."</summary>
public static partial class BindingMessages
{
    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$")]
    private static partial Regex DateLike();

    private static string T(string danish, string english) => FieldNames.English ? english : danish;

    private static string Invalid(string value, string field) => DateLike().IsMatch(value.Trim())
        ? T($"{FieldNames.Of(field)}: '{value}' er ikke en gyldig dato (skriv den som åååå-mm-dd).",
            $"{FieldNames.Of(field)}: '{value}' is not a valid date (write it as yyyy-mm-dd).")
        : T($"{FieldNames.Of(field)}: '{value}' er ikke en gyldig værdi.", $"{FieldNames.Of(field)}: '{value}' is not a valid value.");

    public static void Localise(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor(Invalid);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Invalid(value, T("Feltet", "The field")));
        m.SetUnknownValueIsInvalidAccessor(field =>
            T($"{FieldNames.Of(field)}: værdien er ikke gyldig.", $"{FieldNames.Of(field)}: the value is not valid."));
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => T("Værdien er ikke gyldig.", "The value is not valid."));
        m.SetValueIsInvalidAccessor(value => T($"'{value}' er ikke en gyldig værdi.", $"'{value}' is not a valid value."));
        m.SetValueMustBeANumberAccessor(field => T($"{FieldNames.Of(field)}: skriv et tal.", $"{FieldNames.Of(field)}: enter a number."));
        m.SetNonPropertyValueMustBeANumberAccessor(() => T("Skriv et tal.", "Enter a number."));
        m.SetValueMustNotBeNullAccessor(value =>
            T($"'{value}' er ikke gyldig her: feltet skal udfyldes.", $"'{value}' is not valid here: the field is required."));
        m.SetMissingBindRequiredValueAccessor(field => T($"{FieldNames.Of(field)}: mangler.", $"{FieldNames.Of(field)}: missing."));
        m.SetMissingKeyOrValueAccessor(() => T("En værdi mangler.", "A value is missing."));
        m.SetMissingRequestBodyRequiredValueAccessor(() => T("Forespørgslen mangler indhold.", "The request has no body."));
    }
}
