using System.Text.Json;
using System.Text.Json.Serialization;

namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>How Reporting's own records are serialised in its store.</summary>
public static class RecordJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"stored {typeof(T).Name} is empty");
}
