namespace Accreditation.BuildingBlocks.Redis;

/// <summary>The service's own Redis store. Section "Redis".</summary>
public sealed class RedisStoreOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string, for example "127.0.0.1:6379".</summary>
    public string ConnectionString { get; set; } = "127.0.0.1:6379";

    /// <summary>Prefix of every key the service writes, for example "enrolment:". Ends with a colon.</summary>
    public string KeyPrefix { get; set; } = "";
}
