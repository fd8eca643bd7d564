using System.Security.Cryptography;
using System.Text;

namespace CafeIA.Domain;

/// <summary>
/// Keys and resume secrets: 256 random bits, base64url; only their SHA-256 hashes are stored.
/// The moderator and projector keys are derived from the facilitator key (HMAC), so the facilitator
/// page can show those links again without the server ever storing a key in clear.
/// </summary>
public static class Secrets
{
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Derive(string facilitatorKey, string purpose) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(facilitatorKey), Encoding.UTF8.GetBytes(purpose)));

    public static bool Matches(string secret, string expectedHash) =>
        expectedHash.Length > 0 &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(expectedHash));

    public static string NewParticipantId() => "u" + Base64Url(RandomNumberGenerator.GetBytes(9));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
