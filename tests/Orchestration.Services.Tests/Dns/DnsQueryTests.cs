using System.Net;

namespace Orchestration.Services.Tests.Dns;

public sealed class DnsQueryTests
{
    // A query for "Web" (type A, class IN) with id 0x1234 and recursion desired.
    private static readonly byte[] Query = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 3, (byte)'W', (byte)'e', (byte)'b', 0, 0, 1, 0, 1];

    [Fact]
    public void Reads_the_question_in_lower_case()
    {
        var query = DnsQuery.TryParse(Query)!.Value;
        Assert.Equal((0x1234, "web", DnsQuery.TypeA, (ushort)1, Query.Length), (query.Id, query.Name, query.Type, query.Class, query.QuestionEnd));
    }

    [Fact]
    public void Answers_with_one_A_record_per_address_and_a_TTL_of_zero()
    {
        var answer = DnsQuery.TryParse(Query)!.Value.Answer(Query, [IPAddress.Parse("10.0.0.2"), IPAddress.Parse("10.0.0.3")]);

        Assert.Equal(Query.Length + 32, answer.Length);
        Assert.Equal(new byte[] { 0x12, 0x34, 0x85, 0x80, 0, 1, 0, 2, 0, 0, 0, 0 }, answer[..12]);
        Assert.Equal(new byte[] { 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 10, 0, 0, 2 }, answer[Query.Length..(Query.Length + 16)]);
        Assert.Equal(new byte[] { 10, 0, 0, 3 }, answer[^4..]);
    }

    [Fact]
    public void Refuses_names_that_are_not_workloads_so_the_resolver_asks_its_next_server()
    {
        var refused = DnsQuery.TryParse(Query)!.Value.Refuse(Query);
        Assert.Equal(new byte[] { 0x12, 0x34, 0x81, 0x85, 0, 1, 0, 0, 0, 0, 0, 0 }, refused[..12]);
    }

    [Fact]
    public void Ignores_answers_and_truncated_messages()
    {
        Assert.Null(DnsQuery.TryParse(Query[..5]));
        var response = (byte[])Query.Clone();
        response[2] |= 0x80;
        Assert.Null(DnsQuery.TryParse(response));
        Assert.Null(DnsQuery.TryParse(Query[..^2]));
    }
}
