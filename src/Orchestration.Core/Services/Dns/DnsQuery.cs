using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Orchestration.Services;

/// <summary>The one question of a DNS query (RFC 1035), and the answers written back: A records, no data, or a refusal
/// that sends the asking resolver to its next server.</summary>
internal readonly record struct DnsQuery(ushort Id, ushort Flags, string Name, ushort Type, ushort Class, int QuestionEnd)
{
    public const ushort TypeA = 1;
    public const ushort TypeAaaa = 28;
    private const int HeaderLength = 12;

    /// <summary>Reads a query with exactly one question; <see langword="null"/> for anything else.</summary>
    public static DnsQuery? TryParse(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            return null;
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if ((flags & 0x8000) != 0 || BinaryPrimitives.ReadUInt16BigEndian(message[4..]) != 1)
        {
            return null;
        }

        var name = new StringBuilder();
        var at = HeaderLength;
        while (true)
        {
            if (at >= message.Length)
            {
                return null;
            }

            var length = message[at++];
            if (length == 0)
            {
                break;
            }

            if (length > 63 || at + length > message.Length)
            {
                return null;
            }

            if (name.Length > 0)
            {
                name.Append('.');
            }

            name.Append(Encoding.ASCII.GetString(message.Slice(at, length)).ToLowerInvariant());
            at += length;
        }

        if (at + 4 > message.Length)
        {
            return null;
        }

        return new DnsQuery(
            BinaryPrimitives.ReadUInt16BigEndian(message),
            flags,
            name.ToString(),
            BinaryPrimitives.ReadUInt16BigEndian(message[at..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[(at + 2)..]),
            at + 4);
    }

    /// <summary>An authoritative answer with one A record per address (none: no data), each with a TTL of 0 so that
    /// resolvers ask again and readiness changes are seen at once.</summary>
    public byte[] Answer(ReadOnlySpan<byte> query, IReadOnlyList<IPAddress> addresses)
    {
        var answer = new byte[QuestionEnd + (addresses.Count * 16)];
        query[..QuestionEnd].CopyTo(answer);
        WriteHeader(answer, rcode: 0, answers: (ushort)addresses.Count);
        var at = QuestionEnd;
        foreach (var address in addresses)
        {
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(at), 0xC00C);
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(at + 2), TypeA);
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(at + 4), 1);
            BinaryPrimitives.WriteUInt32BigEndian(answer.AsSpan(at + 6), 0);
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(at + 10), 4);
            address.TryWriteBytes(answer.AsSpan(at + 12, 4), out _);
            at += 16;
        }

        return answer;
    }

    /// <summary>REFUSED: not a name of the fleet; the asking resolver tries its next server.</summary>
    public byte[] Refuse(ReadOnlySpan<byte> query)
    {
        var answer = query[..QuestionEnd].ToArray();
        WriteHeader(answer, rcode: 5, answers: 0);
        return answer;
    }

    private void WriteHeader(Span<byte> message, ushort rcode, ushort answers)
    {
        // QR, the query's opcode and RD, AA when answering, RA, the response code.
        var flags = (ushort)(0x8000 | (Flags & 0x7900) | (rcode == 0 ? 0x0400 : 0) | 0x0080 | rcode);
        BinaryPrimitives.WriteUInt16BigEndian(message[2..], flags);
        BinaryPrimitives.WriteUInt16BigEndian(message[6..], answers);
        BinaryPrimitives.WriteUInt16BigEndian(message[8..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(message[10..], 0);
    }
}
