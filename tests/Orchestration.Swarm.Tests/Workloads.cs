namespace Orchestration.Swarm.Tests;

/// <summary>Serves its configuration file as its index and the length of its secret, never the secret itself.</summary>
[Workload("store", Image = "orchestration/busybox:1", Command = ["sh", "-c"],
    Args = ["mkdir -p /srv && cp /config/store.txt /srv/index.html && wc -c < \"$STORE_PASSWORD_FILE\" | tr -d ' ' > /srv/secret-length && trap 'exit 0' TERM; httpd -f -p 8080 -h /srv & wait $!"])]
[Port("http", 8080)]
[Secret("STORE_PASSWORD", "store-password")]
[HttpProbe(ProbeTarget.Readiness, "/")]
public sealed partial class Store;

/// <summary>Three replicas that fetch the store's index by its name across the overlay network, once a second, and
/// serve what they got as /store.txt.</summary>
[Workload("web", Image = "orchestration/busybox:1", Replicas = 3, Command = ["sh", "-c"],
    Args = ["mkdir -p /srv && echo web > /srv/index.html && touch /srv/healthz && (while true; do printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 \"$STORE_HOST\" \"$STORE_PORT_HTTP\" | tail -n 1 > /srv/store.tmp && mv /srv/store.tmp /srv/store.txt; sleep 1; done) & trap 'exit 0' TERM; httpd -f -p 8080 -h /srv & wait $!"])]
[Port("http", 8080)]
[HttpProbe(ProbeTarget.Readiness, "/healthz")]
[DependsOn<Store>]
public sealed partial class Web;
