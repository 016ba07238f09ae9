using System.Text.Json;

namespace Accreditation.Sidecar.Delivery;

/// <summary>
/// Dapr's rules for an app's answer to an HTTP event delivery: a 2xx with an empty or non-JSON
/// body, or with {"status":"SUCCESS"} (or an empty status), is success; "RETRY" and any unknown
/// status are retried; "DROP" is dropped. A 404 is dropped; every other status is retried.
/// Status values match case-insensitively.
/// </summary>
public static class ResponseClassifier
{
    public static DeliveryOutcome Classify(int statusCode, ReadOnlySpan<byte> body)
    {
        if (statusCode is >= 200 and <= 299)
        {
            return ClassifyBody(body);
        }

        return statusCode == 404 ? DeliveryOutcome.Drop : DeliveryOutcome.Retry;
    }

    private static DeliveryOutcome ClassifyBody(ReadOnlySpan<byte> body)
    {
        string? status;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                // daprd skips the status check when the body is not a JSON object.
                return DeliveryOutcome.Success;
            }

            status = ReadStatus(ref reader);
        }
        catch (JsonException)
        {
            return DeliveryOutcome.Success;
        }

        return status?.ToUpperInvariant() switch
        {
            null or "" or "SUCCESS" => DeliveryOutcome.Success,
            "DROP" => DeliveryOutcome.Drop,
            _ => DeliveryOutcome.Retry,
        };
    }

    private static string? ReadStatus(ref Utf8JsonReader reader)
    {
        string? status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStatus = string.Equals(reader.GetString(), "status", StringComparison.OrdinalIgnoreCase);
            reader.Read();
            if (isStatus && reader.TokenType == JsonTokenType.String)
            {
                status = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return status;
    }
}
