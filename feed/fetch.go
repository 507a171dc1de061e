package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// Limits of one HTTP exchange.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxFeedBytes = 10 << 20
	DefaultMaxPageBytes = 10 << 20
	maxRobotsBytes      = 512 << 10
	maxRedirects        = 5
	DefaultUserAgent    = "tidings/0.1 (+https://github.com/tidings/tidings)"
)

// ErrForbiddenAddress is returned when a URL resolves to an address the
// fetcher refuses to reach (loopback, private, link-local, cloud metadata).
var ErrForbiddenAddress = errors.New("address not allowed (private, loopback, link-local or metadata); use --allow-private to permit")

// Fetcher makes bounded HTTP GETs: time and size limits, a cap on
// redirects, and by default no connections to internal addresses, checked
// when the connection is made so DNS rebinding cannot get around it.
type Fetcher struct {
	client    *http.Client
	userAgent string
	timeout   time.Duration
}

// NewFetcher returns a Fetcher. allowPrivate lifts the address check (for
// feeds on an intranet, and tests on a local server).
func NewFetcher(allowPrivate bool, timeout time.Duration, userAgent string) *Fetcher {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if userAgent == "" {
		userAgent = DefaultUserAgent
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = refusePrivate
	}
	tr := &http.Transport{
		// No proxy: the address check must see the real destination.
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  timeout,
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConnsPerHost:    2,
		IdleConnTimeout:        60 * time.Second,
		ForceAttemptHTTP2:      true,
	}
	return &Fetcher{
		client: &http.Client{
			Transport:     tr,
			CheckRedirect: checkRedirect,
		},
		userAgent: userAgent,
		timeout:   timeout,
	}
}

// refusePrivate is a net.Dialer Control function: it runs after name
// resolution, on the address actually dialled.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if forbidden(ip) {
		return fmt.Errorf("dial %s: %w", address, ErrForbiddenAddress)
	}
	return nil
}

// blockedPrefixes are ranges beyond what netip's predicates cover: shared
// address space (some clouds serve metadata there), IETF protocol
// assignments, benchmarking, reserved, and NAT64 (which can embed any
// IPv4 address).
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// forbidden reports whether ip is an internal address.
func forbidden(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() || ip.IsUnspecified() || !ip.IsValid() {
		return true
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("redirect loop at %s", req.URL)
		}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
	}
	return nil
}

// Conditional holds the validators of an earlier response.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a fetched resource.
type Response struct {
	// URL is the final URL after redirects.
	URL          string
	Status       int
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte
}

// NotModified reports whether the server answered a conditional GET with
// 304.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// Get fetches rawURL, sending cond's validators if any, and reads at most
// limit bytes of body (a longer body is an error: endless and huge
// responses end there). Statuses other than 200 and 304 are errors.
func (f *Fetcher) Get(ctx context.Context, rawURL string, cond Conditional, limit int64) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported URL scheme %q", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("URL has no host")
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		return out, nil
	default:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return out, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(body)) > limit {
		return out, fmt.Errorf("response is over the %d-byte limit", limit)
	}
	out.Body = body
	return out, nil
}
