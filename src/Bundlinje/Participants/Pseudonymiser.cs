using System.Security.Cryptography;
using System.Text;

namespace Bundlinje.Participants;

/// <summary>No pseudonym key is configured, so participant and register data cannot be read in.</summary>
public sealed class PseudonymKeyMissing(string message) : InvalidOperationException(message);

/// <summary>
/// Turns a CPR number into a pseudonym: HMAC-SHA256 under a secret key (Bundlinje:PseudonymKey), hex, 32 characters.
/// The same CPR gives the same pseudonym everywhere the key is the same, so participants and register data meet
/// without the CPR ever being stored. A CPR is ten digits, with or without the dash; modulus 11 is not checked,
/// because numbers failing it have been issued since 2007.
/// </summary>
public sealed class Pseudonymiser
{
    public const int MinimumKeyLength = 32;
    private readonly byte[] key;

    public Pseudonymiser(string secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumKeyLength)
            throw new ArgumentException($"Bundlinje:PseudonymKey skal være mindst {MinimumKeyLength} tegn.");
        key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Ten digits from "ddmmyy-xxxx" or "ddmmyyxxxx"; null if the text is not a CPR number of that shape.</summary>
    public static string? Normalise(string? cpr)
    {
        var text = cpr?.Trim();
        if (text is null) return null;
        if (text.Length == 11 && text[6] == '-') text = text.Remove(6, 1);
        return text.Length == 10 && text.All(char.IsAsciiDigit) ? text : null;
    }

    public string Of(string cpr)
    {
        var digits = Normalise(cpr) ?? throw new ArgumentException("Not a CPR number (10 digits, with or without a hyphen).");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(digits)))[..32];
    }
}
