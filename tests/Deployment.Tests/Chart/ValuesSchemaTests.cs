using System.Text.Json.Nodes;
using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>values.schema.json rejects bad values, naming the value; its authority codes are the CSV's.</summary>
public sealed class ValuesSchemaTests
{
    public static TheoryData<string, string> BadValues => new()
    {
        { "phase2-21-authorities.yaml", "at '/phase/authorities': maxItems: got 21, want 20" },
        { "unknown-authority.yaml", "at '/phase/authorities/1': value must be one of" },
        { "missing-image.yaml", "at '/services/testing/image/repository': minLength" },
        { "service-without-image.yaml", "at '/services/newService': missing property 'image'" },
        { "negative-replicas.yaml", "at '/services/observation/replicas': minimum: got -1" },
        { "http-authority.yaml", "at '/auth/authority': 'http://login.example.gov.uk' does not match pattern" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Template_BadValuesFile_IsRejectedNamingTheValue(string file, string expected)
    {
        // The phase-1 values and an https authority first; the bad file last, so its value wins.
        var (exit, _, error) = await Helm.RunAsync(
        [
            "template", "accreditation", Repository.PathOf("charts", "accreditation"),
            "-f", Support.Chart.ValuesFile("values-phase1.yaml"),
            "-f", Repository.PathOf("tests", "Deployment.Tests", "Values", "authority.yaml"),
            "-f", Repository.PathOf("tests", "Deployment.Tests", "BadValues", file),
        ]);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_BadValuesFile_Fails()
    {
        var (exit, _, _) = await Helm.RunAsync(["lint", Repository.PathOf("charts", "accreditation"), "-f", Repository.PathOf("tests", "Deployment.Tests", "BadValues", "negative-replicas.yaml"), "--set", "auth.authority=" + Support.Chart.Authority]);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void Schema_AuthorityCodes_EqualTheAuthoritiesCsv()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Repository.PathOf("charts", "accreditation", "values.schema.json")))!;
        var codes = schema["definitions"]!["gssCode"]!["enum"]!.AsArray().Select(c => (string)c!).Order(StringComparer.Ordinal);
        var csv = File.ReadLines(Repository.PathOf("services", "Enrolment", "Data", "english-local-authorities.csv")).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',')[0])
            .Order(StringComparer.Ordinal);

        Assert.Equal(csv, codes);
        Assert.Equal(153, codes.Count());
    }

    [Fact]
    public void PhaseTwoValues_Authorities_AtMostTwentyDistinctKnownCodes()
    {
        var authorities = YamlJson.ParseFile("charts", "accreditation", "values-phase2.yaml")["phase"]!["authorities"]!.AsArray().Select(a => (string)a!).ToList();
        var known = File.ReadLines(Repository.PathOf("services", "Enrolment", "Data", "english-local-authorities.csv")).Select(line => line.Split(',')[0]).ToHashSet();

        Assert.InRange(authorities.Distinct().Count(), 1, 20);
        Assert.Equal(authorities.Count, authorities.Distinct().Count());
        Assert.All(authorities, a => Assert.Contains(a, known));
    }
}
