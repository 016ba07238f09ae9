using System.Text.Json.Nodes;
using Accreditation.Contracts;
using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>
/// Every store and the broker require a password that comes from a Secret, and their clients (the
/// service, the Dapr component) present that same Secret key. Every Redis persists each write.
/// </summary>
public sealed class RedisAuthTests
{
    public static TheoryData<string> Phases => new(Support.Chart.PhaseValuesFiles);

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Redis_EveryStoreAndTheBroker_RequirePasswordFromSecretAndPersistEveryWrite(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);
        var redises = rendered.OfKind("StatefulSet").ToList();

        Assert.Equal(rendered.OfKind("Deployment").Count() + 1, redises.Count);
        Assert.All(redises, redis =>
        {
            var container = redis.Containers().Single();
            var (secret, key) = SecretRef(container, "REDIS_PASSWORD");
            AssertSecretHasKey(rendered, secret, key);
            Assert.Contains("requirepass", string.Join('\n', container["command"].AsValuesOf()), StringComparison.Ordinal);
            var args = string.Join(' ', container["args"].AsValuesOf());
            Assert.Contains("--protected-mode yes", args, StringComparison.Ordinal);
            Assert.Contains("--appendonly yes", args, StringComparison.Ordinal);
            Assert.Contains("--appendfsync always", args, StringComparison.Ordinal);
            Assert.Equal((secret, key), SecretRef(container, "REDISCLI_AUTH"));
        });
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Services_StoreConnection_PresentsTheStoresPasswordFromItsSecret(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);

        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            var container = deployment.Containers().Single();
            var connection = (string)container.Env("Redis__ConnectionString")!["value"]!;
            var host = connection.Split(',')[0].Split(':')[0];
            Assert.Equal($"{deployment.Name()}-redis", host);
            Assert.EndsWith(",password=$(REDIS_PASSWORD)", connection, StringComparison.Ordinal);
            var store = rendered.Named("StatefulSet", host).Containers().Single();
            Assert.Equal(SecretRef(store, "REDIS_PASSWORD"), SecretRef(container, "REDIS_PASSWORD"));
            // $(VAR) expands only from entries defined before it.
            var names = container["env"].Items().Select(e => (string)e["name"]!).ToList();
            Assert.True(names.IndexOf("REDIS_PASSWORD") < names.IndexOf("Redis__ConnectionString"));
        });
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Broker_DaprComponent_ReadsTheBrokersPasswordFromItsSecret(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);
        var component = rendered.Named("Component", Topics.PubSubName);
        var password = component["spec"]!["metadata"].Items().Single(m => (string?)m["name"] == "redisPassword");
        var broker = rendered.Named("StatefulSet", "accreditation-broker").Containers().Single();

        Assert.Null(password["value"]);
        Assert.Equal(SecretRef(broker, "REDIS_PASSWORD"), ((string)password["secretKeyRef"]!["name"]!, (string)password["secretKeyRef"]!["key"]!));
        Assert.Equal("accreditation-broker:6379", (string?)component["spec"]!["metadata"].Items().Single(m => (string?)m["name"] == "redisHost")["value"]);
    }

    [Fact]
    public async Task Render_PasswordSecret_GeneratedOnceAndKept()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml");
        var secret = rendered.Named("Secret", "accreditation-redis-auth");

        Assert.Equal("keep", secret.Annotation("helm.sh/resource-policy"));
        Assert.Equal(
            ["broker-password", "enrolment-password", "observation-password", "regulator-reporting-password", "testing-password"],
            secret["data"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(secret["data"]!.AsObject(), p => Assert.Equal(48, Convert.FromBase64String((string)p.Value!).Length));
    }

    [Fact]
    public async Task Render_ExternalRedis_UsesTheSuppliedSecretsAndDeploysNoStatefulSet()
    {
        var rendered = await Support.Chart.RenderAsync(
            "values-phase1.yaml",
            ("services.testing.redis.external.host", "testing.redis.example:6380"),
            ("services.testing.redis.external.passwordSecret.name", "testing-redis"),
            ("broker.external.host", "broker.redis.example:6380"),
            ("broker.external.passwordSecret.name", "broker-redis"),
            ("redis.auth.existingSecret", "platform-redis"));
        var testing = rendered.Named("Deployment", "accreditation-testing").Containers().Single();
        var enrolment = rendered.Named("Deployment", "accreditation-enrolment").Containers().Single();
        var password = rendered.Named("Component", Topics.PubSubName)["spec"]!["metadata"].Items().Single(m => (string?)m["name"] == "redisPassword");

        Assert.Equal("testing.redis.example:6380,password=$(REDIS_PASSWORD)", (string?)testing.Env("Redis__ConnectionString")!["value"]);
        Assert.Equal(("testing-redis", "password"), SecretRef(testing, "REDIS_PASSWORD"));
        Assert.Equal(("platform-redis", "enrolment-password"), SecretRef(enrolment, "REDIS_PASSWORD"));
        Assert.Equal("broker-redis", (string?)password["secretKeyRef"]!["name"]);
        Assert.DoesNotContain(rendered.OfKind("StatefulSet"), s => s.Name() is "accreditation-testing-redis" or "accreditation-broker");
        Assert.DoesNotContain(rendered.OfKind("Secret"), s => s.Name() == "accreditation-redis-auth");
    }

    [Theory]
    [InlineData("services.testing.redis.external.host", "services.testing.redis.external.host needs")]
    [InlineData("broker.external.host", "broker.external.host needs")]
    public async Task Render_ExternalRedisWithoutPasswordSecret_IsRefused(string hostKey, string message)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Support.Chart.RenderAsync("values-phase1.yaml", (hostKey, "redis.example:6379")));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static (string Secret, string Key) SecretRef(JsonObject container, string variable)
    {
        var reference = container.Env(variable)?["valueFrom"]?["secretKeyRef"];
        Assert.True(reference is not null, $"{variable} comes from no Secret");
        return ((string)reference["name"]!, (string)reference["key"]!);
    }

    private static void AssertSecretHasKey(IReadOnlyList<JsonObject> rendered, string secret, string key) =>
        Assert.NotNull(rendered.Named("Secret", secret)["data"]![key]);
}
