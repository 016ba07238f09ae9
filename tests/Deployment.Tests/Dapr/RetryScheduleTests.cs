using Accreditation.Deployment.Tests.Support;
using Accreditation.Sidecar.Components;
using Accreditation.Sidecar.Configuration;

namespace Accreditation.Deployment.Tests.Dapr;

/// <summary>
/// processingTimeout outlasts the whole inbound retry schedule, locally and in the chart, so a
/// delivery still being retried is never reclaimed and delivered a second time concurrently. The
/// files are read by the stand-in's own component reader, as a sidecar reads them.
/// </summary>
public sealed class RetryScheduleTests
{
    [Fact]
    public void LocalComponents_ProcessingTimeout_OutlastsTheRetrySchedule()
    {
        var pubsub = ResourceFolder.Load(Repository.PathOf("dapr", "components"), "testing").PubSubs.Single();

        AssertCovered(pubsub);
    }

    [Theory]
    [MemberData(nameof(PubSubScopesTests.ValuesFiles), MemberType = typeof(PubSubScopesTests))]
    public async Task ChartComponents_ProcessingTimeout_OutlastsTheRetrySchedule(string valuesFile)
    {
        var rendered = await Helm.TemplateAsync([Repository.PathOf("charts", "accreditation", valuesFile)], new Dictionary<string, string> { ["auth.authority"] = "https://login.example.gov.uk" });
        var dapr = Manifests.Parse(rendered).Where(d => Manifests.Scalar(d, "kind") is "Component" or "Resiliency");
        var folder = Directory.CreateTempSubdirectory("chart-dapr-");
        try
        {
            var i = 0;
            foreach (var document in dapr)
            {
                var stream = new YamlDotNet.RepresentationModel.YamlStream(new YamlDotNet.RepresentationModel.YamlDocument(document));
                using var writer = new StreamWriter(Path.Combine(folder.FullName, $"{i++}.yaml"));
                stream.Save(writer, assignAnchors: false);
            }

            AssertCovered(ResourceFolder.Load(folder.FullName, "testing").PubSubs.Single());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertCovered(PubSubComponent pubsub)
    {
        Assert.NotNull(pubsub.InboundRetry);
        Assert.True(
            RetrySchedule.Covers(pubsub.ProcessingTimeout, pubsub.InboundRetry),
            $"processingTimeout {pubsub.ProcessingTimeout} does not outlast the retry schedule of {RetrySchedule.Length(pubsub.InboundRetry)}");
    }
}
