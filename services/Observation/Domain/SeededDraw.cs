using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Accreditation.Observation.Domain;

/// <summary>
/// Reproducible randomness per session: a number in [0, 1) and a <see cref="Random"/> derived
/// from a seed and a session id (SHA-256), the same on every machine and every run.
/// </summary>
public static class SeededDraw
{
    public static double Fraction(string seed, string sessionId, string purpose)
    {
        var hash = Hash(seed, sessionId, purpose);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }

    public static Random RandomFor(string seed, string sessionId, string purpose) =>
        new(BinaryPrimitives.ReadInt32BigEndian(Hash(seed, sessionId, purpose)) & int.MaxValue);

    private static byte[] Hash(string seed, string sessionId, string purpose) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + sessionId + "\n" + purpose));
}
