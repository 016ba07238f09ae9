using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;

namespace Accreditation.TestSupport;

/// <summary>Delivers an integration event to a service's app port as the sidecar does: a CloudEvent POSTed to /events/{topic}.</summary>
public static class SidecarDelivery
{
    /// <summary>POSTs <paramref name="message"/> (CloudEvent id: <paramref name="eventId"/>, else the message's event_id); returns the HTTP status and the body (the Dapr status).</summary>
    public static async Task<(int Http, string Body)> PostAsync(HttpClient appPort, string topic, IMessage message, string? eventId = null, string source = "enrolment")
    {
        ArgumentNullException.ThrowIfNull(appPort);
        ArgumentNullException.ThrowIfNull(message);
        var id = eventId ?? (string)message.Descriptor.FindFieldByName("event_id").Accessor.GetValue(message);
        return await PostEnvelopeAsync(appPort, topic, id, message.Descriptor.FullName, JsonFormatter.Default.Format(message), source);
    }

    /// <summary>POSTs a CloudEvent with <paramref name="dataJson"/> as its data; no "id" attribute when <paramref name="id"/> is null.</summary>
    public static async Task<(int Http, string Body)> PostEnvelopeAsync(HttpClient appPort, string topic, string? id, string type, string dataJson, string source = "enrolment")
    {
        ArgumentNullException.ThrowIfNull(appPort);
        var idAttribute = id is null ? "" : $$"""
            "id":"{{id}}",
            """;
        var envelope = $$"""
            {"specversion":"1.0",{{idAttribute}}"source":"{{source}}","type":"{{type}}","datacontenttype":"application/json","topic":"{{topic}}","pubsubname":"pubsub","data":{{dataJson}}}
            """;
        using var content = new StringContent(envelope, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        using var response = await appPort.PostAsync(new Uri("/events/" + topic, UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
