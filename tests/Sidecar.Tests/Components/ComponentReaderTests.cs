using Accreditation.Sidecar.Components;
using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Tests.Components;

public sealed class ComponentReaderTests
{
    private const string PubSubYaml = """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.redis
          version: v1
          metadata:
            - name: redisHost
              value: 127.0.0.1:6390
            - name: redisPassword
              value: "pw"
            - name: processingTimeout
              value: "10s"
            - name: redeliverInterval
              value: "2s"
            - name: consumerID
              value: "{appID}-group"
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: statestore
        spec:
          type: state.redis
          version: v1
          metadata:
          - name: redisHost
            value: localhost:6379
        """;

    [Fact]
    public void Read_PubSubRedisComponent_MetadataApplied()
    {
        var set = ComponentReader.Read([("components.yaml", PubSubYaml)], "enrolment");

        var component = Assert.Single(set.PubSubs);
        Assert.Equal("pubsub", component.Name);
        Assert.Equal("127.0.0.1:6390", component.RedisHost);
        Assert.Equal("pw", component.RedisPassword);
        Assert.Equal(TimeSpan.FromSeconds(10), component.ProcessingTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), component.RedeliverInterval);
        Assert.Equal("{appID}-group", component.ConsumerId);
        Assert.Empty(set.Warnings);
    }

    [Fact]
    public void Read_ScopesWithoutThisApp_Skipped()
    {
        var yaml = PubSubYaml.Replace("kind: Component\nmetadata:\n  name: pubsub", "kind: Component\nscopes:\n- testing\nmetadata:\n  name: pubsub", StringComparison.Ordinal);

        Assert.Empty(ComponentReader.Read([("c.yaml", yaml)], "enrolment").PubSubs);
        Assert.Single(ComponentReader.Read([("c.yaml", yaml)], "testing").PubSubs);
    }

    [Fact]
    public void Read_OtherPubSubTypeAndSecretRef_Warned()
    {
        const string yaml = """
            kind: Component
            metadata:
              name: kafka
            spec:
              type: pubsub.kafka
            ---
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.redis
              metadata:
              - name: redisPassword
                secretKeyRef:
                  name: redis
                  key: password
            """;

        var set = ComponentReader.Read([("c.yaml", yaml)], "a");

        Assert.Equal("pubsub", Assert.Single(set.PubSubs).Name);
        Assert.Null(set.PubSubs[0].RedisPassword);
        Assert.Equal(2, set.Warnings.Count);
    }

    [Fact]
    public void Read_ResiliencyInboundRetryForComponent_Attached()
    {
        const string resiliency = """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: resiliency
            spec:
              policies:
                retries:
                  pubsubRetry:
                    policy: constant
                    duration: 250ms
                    maxRetries: 4
              targets:
                components:
                  pubsub:
                    inbound:
                      retry: pubsubRetry
            """;

        var set = ComponentReader.Read([("components.yaml", PubSubYaml), ("resiliency.yaml", resiliency)], "a");

        Assert.Equal(new RetrySettings(4, TimeSpan.FromMilliseconds(250)), Assert.Single(set.PubSubs).InboundRetry);
    }

    [Fact]
    public void Read_ResiliencyExponentialRetryAndTimeout_DaprIntervalAndPerAttemptTimeout()
    {
        const string resiliency = """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: resiliency
            spec:
              policies:
                timeouts:
                  delivery: 5s
                retries:
                  pubsubInbound:
                    policy: exponential
                    maxInterval: 15s
                    maxRetries: 8
              targets:
                components:
                  pubsub:
                    inbound:
                      timeout: delivery
                      retry: pubsubInbound
            """;

        var component = Assert.Single(ComponentReader.Read([("components.yaml", PubSubYaml), ("resiliency.yaml", resiliency)], "a").PubSubs);

        Assert.Equal(new RetrySettings(8, TimeSpan.FromMilliseconds(500), Exponential: true, MaxInterval: TimeSpan.FromSeconds(15)), component.InboundRetry);
        Assert.Equal(TimeSpan.FromSeconds(5), component.InboundTimeout);
    }

    [Theory]
    [InlineData("streamTTL", "24h", 0, 24 * 3600)]
    [InlineData("streamTTL", "90000", 0, 90)]
    [InlineData("maxLenApprox", "1000", 1000, 0)]
    public void Read_StreamTrimming_ReadAsDaprdDecodesIt(string key, string value, long maxLen, int ttlSeconds)
    {
        var yaml = PubSubYaml.Replace("    - name: consumerID", $"    - name: {key}\n      value: \"{value}\"\n    - name: consumerID", StringComparison.Ordinal);

        var set = ComponentReader.Read([("c.yaml", yaml)], "a");

        var component = Assert.Single(set.PubSubs);
        Assert.Equal(maxLen, component.MaxLenApprox);
        Assert.Equal(TimeSpan.FromSeconds(ttlSeconds), component.StreamTtl);
        Assert.Equal(maxLen > 0 ? 1 : 0, set.Warnings.Count(w => w.Contains("prefer streamTTL", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_UnreadableFile_WarnedAndSkipped()
    {
        var set = ComponentReader.Read([("bad.yaml", "a: \"open")], "a");

        Assert.Empty(set.PubSubs);
        Assert.Single(set.Warnings);
    }
}
