namespace Accreditation.Cli.Tests;

public sealed class CliArgumentsTests
{
    private static readonly HashSet<string> Flags = ["filming-consent"];

    [Fact]
    public void Parse_OptionsFlagsAndEquals_AllRead()
    {
        var args = CliArguments.Parse(["enrol", "--authority", "E08000002", "--filming-consent", "--role=supervisor"], Flags);

        Assert.Equal("enrol", args.Verb);
        Assert.Equal("E08000002", args.Required("authority"));
        Assert.Equal("supervisor", args.Optional("role"));
        Assert.True(args.Flag("filming-consent"));
        Assert.Null(args.Optional("missing"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--authority x")]
    [InlineData("enrol stray")]
    [InlineData("enrol --authority")]
    public void Parse_Malformed_UsageException(string commandLine) =>
        Assert.Throws<UsageException>(() => CliArguments.Parse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), Flags));

    [Fact]
    public void Required_Missing_UsageExceptionNamingOption()
    {
        var e = Assert.Throws<UsageException>(() => CliArguments.Parse(["show"], Flags).Required("enrolment"));

        Assert.Contains("--enrolment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_NotANumber_UsageException() =>
        Assert.Throws<UsageException>(() => CliArguments.Parse(["simulate", "--candidates", "many"], Flags).Number("candidates", 1));
}
