namespace Accreditation.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_UnknownVerb_ExitCode2WithUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["frobnicate"], output, error);

        Assert.Equal(2, code);
        Assert.Contains("unknown verb", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: accredit", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Token_PrintsAJwtCarryingScopeAndAuthority()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["token", "--scope", "enrolment.hr", "--authority", "E08000002"], output, error);

        Assert.Equal(0, code);
        var token = output.ToString().Trim();
        Assert.Equal(3, token.Split('.').Length);
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlDecode(token.Split('.')[1]));
        Assert.Contains("\"local_authority\":\"E08000002\"", payload, StringComparison.Ordinal);
        Assert.Contains("\"scope\":\"enrolment.hr\"", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServiceUnreachable_ExitCode1WithStatus()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["show", "--authority", "E08000002", "--enrolment", "x", "--enrolment-url", "http://127.0.0.1:1"], output, error);

        Assert.Equal(1, code);
        Assert.Contains("Unavailable", error.ToString(), StringComparison.Ordinal);
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
