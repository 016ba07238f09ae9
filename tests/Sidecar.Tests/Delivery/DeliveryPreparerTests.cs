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

        var prepared = DeliveryPreparer.Prepare(stored, Normal, Now);

        Assert.Equal(stored, prepared.Body);
        Assert.Equal("application/cloudevents+json", prepared.ContentType);
        Assert.Equal("e1", prepared.EventId);
        Assert.Equal("00-a-b-01", prepared.TraceParent);
        Assert.False(prepared.Expired);
        Assert.Null(prepared.Error);
    }

    [Fact]
    public void Prepare_ExpirationPassed_Expired()
    {
        var stored = Encoding.UTF8.GetBytes("""{"id":"e1","expiration":"2026-03-01T11:59:59Z"}""");

        Assert.True(DeliveryPreparer.Prepare(stored, Normal, Now).Expired);
    }

    [Fact]
    public void Prepare_NotJson_Error() =>
        Assert.NotNull(DeliveryPreparer.Prepare(Encoding.UTF8.GetBytes("plain"), Normal, Now).Error);

    [Fact]
    public void Prepare_RawPayloadSubscription_WrappedAsDataBase64()
    {
        var prepared = DeliveryPreparer.Prepare(Encoding.UTF8.GetBytes("plain"), Normal with { RawPayload = true }, Now);

        using var doc = JsonDocument.Parse(prepared.Body);
        Assert.Equal("plain", Encoding.UTF8.GetString(doc.RootElement.GetProperty("data_base64").GetBytesFromBase64()));
        Assert.Equal("application/octet-stream", doc.RootElement.GetProperty("datacontenttype").GetString());
        Assert.Equal(prepared.EventId, doc.RootElement.GetProperty("id").GetString());
        Assert.Equal("t", doc.RootElement.GetProperty("topic").GetString());
    }
}
