using Accreditation.Sidecar.Components;
using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Tests.Configuration;

public sealed class SettingsResolverTests
{
    [Fact]
    public void Resolve_NoResources_DefaultComponentWithAppIdAsConsumer()
    {
        var options = new SidecarOptions { AppId = "testing", RedisHost = "127.0.0.1:7000" };

        var component = Assert.Single(SettingsResolver.Resolve(options, null));

        Assert.Equal("pubsub", component.Name);
        Assert.Equal("127.0.0.1:7000", component.RedisHost);
        Assert.Equal("testing", component.ConsumerId);
        Assert.Equal(PubSubComponent.DefaultProcessingTimeout, component.ProcessingTimeout);
        Assert.Equal(RetrySettings.Default, component.InboundRetry);
    }

    [Fact]
    public void Resolve_FlagsGiven_OverrideComponentAndResiliency()
    {
        var fromYaml = new PubSubComponent
        {
            Name = "events",
            RedisHost = "redis:6379",
            ConsumerId = "group-x",
            ProcessingTimeout = TimeSpan.FromSeconds(30),
            InboundRetry = new RetrySettings(7, TimeSpan.FromSeconds(2)),
        };
        var options = new SidecarOptions
        {
            AppId = "a",
            RedisHost = "127.0.0.1:6400",
            ProcessingTimeout = TimeSpan.FromSeconds(5),
            RetryBackoff = TimeSpan.FromMilliseconds(10),
        };

        var component = Assert.Single(SettingsResolver.Resolve(options, new ResourceSet([fromYaml], [])));

        Assert.Equal("127.0.0.1:6400", component.RedisHost);
        Assert.Equal("group-x", component.ConsumerId);
        Assert.Equal(TimeSpan.FromSeconds(5), component.ProcessingTimeout);
        Assert.Equal(new RetrySettings(7, TimeSpan.FromMilliseconds(10)), component.InboundRetry);
    }

    [Fact]
    public void Resolve_DeliveryTimeout_FlagThenInboundTimeoutPolicyThenDefaultNeverProcessingTimeout()
    {
        var component = new PubSubComponent { Name = "p", ProcessingTimeout = TimeSpan.FromSeconds(1) };
        var withPolicy = component with { InboundTimeout = TimeSpan.FromSeconds(7) };
        var options = new SidecarOptions { AppId = "a" };

        Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(SettingsResolver.Resolve(options, new ResourceSet([component], []))).DeliveryTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(SettingsResolver.Resolve(options, new ResourceSet([withPolicy], []))).DeliveryTimeout);
        Assert.Equal(
            TimeSpan.FromSeconds(3),
            Assert.Single(SettingsResolver.Resolve(options with { DeliveryTimeout = TimeSpan.FromSeconds(3), ProcessingTimeout = TimeSpan.FromSeconds(2) }, new ResourceSet([withPolicy], []))).DeliveryTimeout);
    }

    [Fact]
    public void Resolve_ConsumerIdTemplate_AppIdSubstituted()
    {
        var options = new SidecarOptions { AppId = "observation" };

        var component = Assert.Single(SettingsResolver.Resolve(options, new ResourceSet([new PubSubComponent { Name = "p", ConsumerId = "{appID}-v2" }], [])));

        Assert.Equal("observation-v2", component.ConsumerId);
    }
}
