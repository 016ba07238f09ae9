using System.Text;
using System.Text.Json;
using Accreditation.Sidecar.Delivery;
using Accreditation.Sidecar.Subscriptions;

namespace Accreditation.Sidecar.Tests.Delivery;

public sealed class DeliveryPreparerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Subscription Normal = new() { PubSubName = "pubsub", Topic = "t", Route = "/r" };

    [Fact]
    public void Prepare_CloudEvent_DeliveredAsStored()
    {
        var stored = Encoding.UTF8.GetBytes("""{"id":"e1","traceparent":"00-a-b-01","data":{}}""");

        var prepared = DeliveryPreparer.Prepare(stored, null, Normal, Now);

        Assert.Equal(stored, prepared.Body);
        Assert.Equal("application/cloudevents+json", prepared.ContentType);
        Assert.Equal("e1", prepared.EventId);
        Assert.Equal("00-a-b-01", prepared.TraceParent);
        Assert.False(prepared.Expired);
        Assert.Null(prepared.Error);
    }

    [Fact]
    public void Prepare_CloudEventTraceContext_SentAsHeaders()
    {
        var stored = Encoding.UTF8.GetBytes("""{"id":"e1","traceid":"00-a-b-01","traceparent":"00-c-d-01","tracestate":"k=v"}""");

        var prepared = DeliveryPreparer.Prepare(stored, null, Normal, Now);

        Assert.Equal("00-c-d-01", prepared.TraceParent);
        Assert.Equal("k=v", prepared.TraceState);
    }

    [Fact]
    public void Prepare_CloudEventWithoutTraceFields_EntryMetadataUsedAsDaprdFallsBack()
    {
        var stored = Encoding.UTF8.GetBytes("""{"id":"e1","traceid":"00-a-b-01"}""");

        var prepared = DeliveryPreparer.Prepare(stored, """{"traceparent":"00-m-n-01","tracestate":"m=1"}""", Normal, Now);

        Assert.Equal("00-m-n-01", prepared.TraceParent);
        Assert.Equal("m=1", prepared.TraceState);
        Assert.Equal(stored, prepared.Body);
    }

    [Fact]
    public void Prepare_RawPayloadWithTraceMetadata_TraceFieldsInWrappedEventAndHeaders()
    {
        var prepared = DeliveryPreparer.Prepare(Encoding.UTF8.GetBytes("plain"), """{"traceid":"00-a-b-01","tracestate":"k=v"}""", Normal with { RawPayload = true }, Now);

        using var doc = JsonDocument.Parse(prepared.Body);
        Assert.Equal("00-a-b-01", doc.RootElement.GetProperty("traceid").GetString());
        Assert.Equal("k=v", doc.RootElement.GetProperty("tracestate").GetString());
        Assert.Equal("00-a-b-01", prepared.TraceParent);
        Assert.Equal("k=v", prepared.TraceState);
    }

    [Fact]
    public void Prepare_ExpirationPassed_Expired()
    {
        var stored = Encoding.UTF8.GetBytes("""{"id":"e1","expiration":"2026-03-01T11:59:59Z"}""");

        Assert.True(DeliveryPreparer.Prepare(stored, null, Normal, Now).Expired);
    }

    [Fact]
    public void Prepare_NotJson_Error() =>
        Assert.NotNull(DeliveryPreparer.Prepare(Encoding.UTF8.GetBytes("plain"), null, Normal, Now).Error);

    [Fact]
    public void Prepare_RawPayloadSubscription_WrappedAsDataBase64()
    {
        var prepared = DeliveryPreparer.Prepare(Encoding.UTF8.GetBytes("plain"), null, Normal with { RawPayload = true }, Now);

        using var doc = JsonDocument.Parse(prepared.Body);
        Assert.Equal("plain", Encoding.UTF8.GetString(doc.RootElement.GetProperty("data_base64").GetBytesFromBase64()));
        Assert.Equal("application/octet-stream", doc.RootElement.GetProperty("datacontenttype").GetString());
        Assert.Equal(prepared.EventId, doc.RootElement.GetProperty("id").GetString());
        Assert.Equal("t", doc.RootElement.GetProperty("topic").GetString());
    }
}
