namespace Bundlinje.Common;

/// <summary>An id that is not within the fund or investment it was asked through (or does not exist at all): the web
/// layer answers 404, so a second fund's ids are neither found nor confirmed to exist. Not a <see cref="Refused"/>: there is
/// nothing the reader could correct in the form. Thrown before anything is written.</summary>
public sealed class NotFound(string what, object? id) : Exception($"{what} {id} not found in scope.")
{
    public string What { get; } = what;
}
