using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Redis;

/// <summary>
/// Builds the keys of one service's store: every key starts with the store's prefix, so two
/// services (or two tests) that share a server never share a key.
/// </summary>
public sealed class RedisKeys
{
    public RedisKeys(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Prefix = prefix.Length == 0 || prefix.EndsWith(':') ? prefix : prefix + ":";
    }

    public string Prefix { get; }

    /// <summary>The key made of the prefix and the given parts joined by colons.</summary>
    public RedisKey Key(params ReadOnlySpan<string> parts) => Prefix + string.Join(':', parts);
}
