using System.Net;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Api;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Accreditation.RegulatorReporting.Tests.Api.Evaluation;

/// <summary>
/// The page in headless Chromium (Debian's chromium; ./test.sh installs it, and without it this
/// test fails rather than skips): it renders, it shows exactly the API's figures, and a suppressed
/// cell shows "c". The token travels as ?access_token= (enabled here as in Development).
/// </summary>
[Collection(RedisGroup.Name)]
public sealed class EvaluationBrowserTests(RedisFixture redis) : EvaluationApiTestBase(redis)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:Evaluation:AcceptTokenInQuery"] = "true" };

    [Fact]
    public async Task Page_InHeadlessChromium_RendersTheApisFiguresWithSuppressedCellsAsC()
    {
        HeadlessChromium.RequireInstalled();
        await SeedAsync();
        using var client = HttpClient(EvaluationToken());
        var stages = Parser.Parse<GetStageFiguresResponse>(await client.GetStringAsync(new Uri("/v1/evaluation/stages", UriKind.Relative)));
        var groups = Parser.Parse<GetGroupGapsResponse>(await client.GetStringAsync(new Uri("/v1/evaluation/groups?phase=phase-1&role=ROLE_CHILD_AND_FAMILY_PRACTITIONER&dimension=EQUALITY_DIMENSION_AGE_BAND", UriKind.Relative)));
        var url = new Uri($"http://127.0.0.1:{HttpPort}{EvaluationPage.Path}?access_token={Uri.EscapeDataString(EvaluationToken())}");

        var dom = await HeadlessChromium.DumpDomAsync(url);

        var shown = EvaluationPageTests.Figure().Matches(dom).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var expected = ExpectedFigures(stages, groups).ToList();
        Assert.True(expected.Count > 100, $"only {expected.Count} figures to compare");
        foreach (var (key, text) in expected)
        {
            Assert.True(shown.TryGetValue(key, out var onPage), $"the page has no figure {key}");
            Assert.True(text == onPage, $"{key}: the API says {text}, the page shows {onPage}");
        }

        Assert.Equal("c", shown[$"stages/phase-1/ROLE_CHILD_AND_FAMILY_PRACTITIONER/{Authorities.Wigan}/enrolled"]);
        Assert.Contains("<svg", dom, StringComparison.Ordinal);

        var file = Path.Combine(Path.GetTempPath(), $"evaluation-{Guid.NewGuid():N}.png");
        try
        {
            await HeadlessChromium.ScreenshotAsync(url, file);
            var png = PngImage.Read(await File.ReadAllBytesAsync(file));
            Assert.Equal((1280, 2000), (png.Width, png.Height));
            Assert.True(png.DistinctBytes > 32, $"the screenshot looks like one flat colour ({png.DistinctBytes} distinct byte values)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every figure of the API's answers under the page's data-figure keys.</summary>
    private static IEnumerable<(string Key, string Text)> ExpectedFigures(GetStageFiguresResponse stages, GetGroupGapsResponse groups)
    {
        foreach (var row in stages.Rows)
        {
            var authority = row.AllAuthorities ? "ALL" : row.AuthorityCode;
            foreach (var (name, figure) in Figures(row))
            {
                yield return (EvaluationHtml.StageKey(row.Phase, row.Role, authority, name), figure.Text);
            }
        }

        var dimension = Application.EvaluationMapper.FromContract(groups.Dimension)!.Value;
        foreach (var group in groups.Groups)
        {
            foreach (var (name, figure) in Figures(group))
            {
                yield return (EvaluationHtml.GroupKey(groups.Phase, groups.Role, dimension, group.Group, name), figure.Text);
            }

            foreach (var measure in group.Measures)
            {
                var prefix = Accreditation.BuildingBlocks.Protobuf.ProtoEnumNames.NameOf(measure.Measure) + ".";
                foreach (var (name, figure) in Figures(measure))
                {
                    yield return (EvaluationHtml.GroupKey(groups.Phase, groups.Role, dimension, group.Group, prefix + name), figure.Text);
                }
            }
        }
    }

    private static IEnumerable<(string Name, Figure Figure)> Figures(IMessage message) =>
        message.Descriptor.Fields.InFieldNumberOrder()
            .Where(f => f.FieldType == FieldType.Message && f.MessageType == Figure.Descriptor)
            .Select(f => (f.Name, (Figure)f.Accessor.GetValue(message)));
}
