using System.Text;
using System.Text.Json;
using Accreditation.Sidecar.CloudEvents;

namespace Accreditation.Sidecar.Tests.CloudEvents;

public sealed class CloudEventBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 30, 45, TimeSpan.Zero);
    private const string Trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void Build_JsonData_EnvelopeLikeDaprdWithDataEmbedded()
    {
        var root = Build(Message("""{"a":1}""", "application/json"));

        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
        Assert.Equal("enrolment", root.GetProperty("source").GetString());
        Assert.Equal("com.dapr.event.sent", root.GetProperty("type").GetString());
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal(1, root.GetProperty("data").GetProperty("a").GetInt32());
        Assert.Equal("topic-1", root.GetProperty("topic").GetString());
        Assert.Equal("pubsub", root.GetProperty("pubsubname").GetString());
        Assert.Equal(Trace, root.GetProperty("traceparent").GetString());
        Assert.Equal(Trace, root.GetProperty("traceid").GetString());
        Assert.Equal("2026-03-01T12:30:45Z", root.GetProperty("time").GetString());
    }

    [Fact]
    public void Build_CloudEventMetadata_IdTypeSourceSubjectOverridden()
    {
        var message = Message("{}", "application/json") with
        {
            Metadata = new Dictionary<string, string>
            {
                ["cloudevent.id"] = "evt-1",
                ["cloudevent.type"] = "accreditation.enrolment.v1.CandidateEnrolled",
                ["cloudevent.source"] = "other",
                ["cloudevent.subject"] = "candidate/42",
            },
        };

        var root = Build(message);

        Assert.Equal("evt-1", root.GetProperty("id").GetString());
        Assert.Equal("accreditation.enrolment.v1.CandidateEnrolled", root.GetProperty("type").GetString());
        Assert.Equal("other", root.GetProperty("source").GetString());
        Assert.Equal("candidate/42", root.GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData("text/plain", "hello")]
    [InlineData("application/json", "not json")]
    [InlineData("", "hello")]
    public void Build_NonJsonData_EmbeddedAsString(string contentType, string data)
    {
        var root = Build(Message(data, contentType));

        Assert.Equal(data, root.GetProperty("data").GetString());
        Assert.Equal(contentType.Length == 0 ? "text/plain" : contentType, root.GetProperty("datacontenttype").GetString());
    }

    [Fact]
    public void Build_OctetStream_DataBase64()
    {
        var root = Build(Message("\u0001\u0002", "application/octet-stream"));

        Assert.Equal([1, 2], root.GetProperty("data_base64").GetBytesFromBase64());
        Assert.False(root.TryGetProperty("data", out _));
    }

    [Fact]
    public void Build_CloudEventContentType_PublisherEnvelopeKeptAndCompleted()
    {
        var root = Build(Message("""{"id":"mine","type":"t.v1","specversion":"1.0","source":"s","data":{"k":true},"topic":"wrong"}""", "application/cloudevents+json"));

        Assert.Equal("mine", root.GetProperty("id").GetString());
        Assert.Equal("t.v1", root.GetProperty("type").GetString());
        Assert.True(root.GetProperty("data").GetProperty("k").GetBoolean());
        Assert.Equal("topic-1", root.GetProperty("topic").GetString());
        Assert.Equal("pubsub", root.GetProperty("pubsubname").GetString());
        Assert.Equal("2026-03-01T12:30:45Z", root.GetProperty("time").GetString());
    }

    [Fact]
    public void Build_MalformedCloudEvent_FormatException() =>
        Assert.Throws<FormatException>(() => CloudEventBuilder.Build(Message("[1]", "application/cloudevents+json"), "a", Now, Trace));

    [Fact]
    public void Build_RawPayloadMetadata_DataUntouched()
    {
        var message = Message("raw!", "text/plain") with { Metadata = new Dictionary<string, string> { ["rawPayload"] = "true" } };

        Assert.Equal("raw!", Encoding.UTF8.GetString(CloudEventBuilder.Build(message, "a", Now, Trace)));
    }

    [Fact]
    public void Build_TtlInSeconds_ExpirationSet()
    {
        var message = Message("{}", "application/json") with { Metadata = new Dictionary<string, string> { ["ttlInSeconds"] = "60" } };

        Assert.Equal("2026-03-01T12:31:45Z", Build(message).GetProperty("expiration").GetString());
    }

    [Fact]
    public void Build_RequestTraceContext_TraceparentTraceidAndTracestateWritten()
    {
        var root = Build(Message("{}", "application/json") with { TraceState = "congo=t61rcWkgMzE" });

        Assert.Equal(Trace, root.GetProperty("traceparent").GetString());
        Assert.Equal(Trace, root.GetProperty("traceid").GetString());
        Assert.Equal("congo=t61rcWkgMzE", root.GetProperty("tracestate").GetString());
    }

    [Fact]
    public void Build_TraceMetadataOverrides_TakePrecedenceOverTheRequestAndTraceparentOverTraceid()
    {
        const string fromMetadata = "00-11111111111111111111111111111111-2222222222222222-01";
        var message = Message("{}", "application/json") with
        {
            TraceState = "from=request",
            Metadata = new Dictionary<string, string>
            {
                ["cloudevent.traceid"] = "00-33333333333333333333333333333333-4444444444444444-01",
                ["CloudEvent.TraceParent"] = fromMetadata,
                ["cloudevent.tracestate"] = "from=metadata",
            },
        };

        var root = Build(message);

        Assert.Equal(fromMetadata, root.GetProperty("traceparent").GetString());
        Assert.Equal(fromMetadata, root.GetProperty("traceid").GetString());
        Assert.Equal("from=metadata", root.GetProperty("tracestate").GetString());
    }

    [Fact]
    public void Build_TraceidMetadataOnly_UsedForTraceparentToo()
    {
        const string fromMetadata = "00-33333333333333333333333333333333-4444444444444444-01";
        var message = Message("{}", "application/json") with { Metadata = new Dictionary<string, string> { ["cloudevent.traceid"] = fromMetadata } };

        var root = Build(message);

        Assert.Equal(fromMetadata, root.GetProperty("traceparent").GetString());
        Assert.Equal(fromMetadata, root.GetProperty("traceid").GetString());
    }

    [Fact]
    public void Build_PublisherCloudEventWithOwnTrace_KeptAndMetadataNotApplied()
    {
        const string own = "00-55555555555555555555555555555555-6666666666666666-01";
        var message = Message($$"""{"id":"e","traceid":"{{own}}","traceparent":"{{own}}","tracestate":"own=1"}""", "application/cloudevents+json") with
        {
            TraceState = "from=request",
            Metadata = new Dictionary<string, string> { ["cloudevent.traceparent"] = "00-11111111111111111111111111111111-2222222222222222-01" },
        };

        var root = Build(message);

        Assert.Equal(own, root.GetProperty("traceparent").GetString());
        Assert.Equal(own, root.GetProperty("traceid").GetString());
        Assert.Equal("own=1", root.GetProperty("tracestate").GetString());
    }

    [Fact]
    public void Build_PublisherCloudEventWithoutTrace_RequestContextFilledIn()
    {
        var root = Build(Message("""{"id":"e"}""", "application/cloudevents+json") with { TraceState = "from=request" });

        Assert.Equal(Trace, root.GetProperty("traceparent").GetString());
        Assert.Equal(Trace, root.GetProperty("traceid").GetString());
        Assert.Equal("from=request", root.GetProperty("tracestate").GetString());
    }

    private static PublishMessage Message(string data, string contentType) => new()
    {
        PubSubName = "pubsub",
        Topic = "topic-1",
        Data = Encoding.UTF8.GetBytes(data),
        DataContentType = contentType,
    };

    private static JsonElement Build(PublishMessage message) =>
        JsonDocument.Parse(CloudEventBuilder.Build(message, "enrolment", Now, Trace)).RootElement.Clone();
}
