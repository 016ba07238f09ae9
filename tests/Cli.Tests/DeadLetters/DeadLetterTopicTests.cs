using Accreditation.Cli.DeadLetters;

namespace Accreditation.Cli.Tests.DeadLetters;

public sealed class DeadLetterTopicTests
{
    [Fact]
    public void For_AppAndTopic_PerSubscriberName() =>
        Assert.Equal("testing.enrolment.candidate-endorsed.deadletter", DeadLetterTopic.For("testing", "enrolment.candidate-endorsed"));

    [Fact]
    public void For_AppWithDot_ArgumentException() =>
        Assert.Throws<ArgumentException>(() => DeadLetterTopic.For("my.app", "t"));

    [Fact]
    public void TryParse_PerSubscriberName_AppAndTopic()
    {
        Assert.True(DeadLetterTopic.TryParse("testing.enrolment.candidate-endorsed.deadletter", out var app, out var topic));

        Assert.Equal("testing", app);
        Assert.Equal("enrolment.candidate-endorsed", topic);
    }

    [Theory]
    [InlineData("enrolment.candidate-endorsed")]
    [InlineData("orphan.deadletter")]
    [InlineData(".t.deadletter")]
    [InlineData("app..deadletter")]
    public void TryParse_NotADeadLetterTopic_False(string name) =>
        Assert.False(DeadLetterTopic.TryParse(name, out _, out _));
}
