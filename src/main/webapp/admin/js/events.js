// Live updates: the server's Server-Sent Events stream (GET /api/events) says when a case changed, a mail or a
// comment arrived, a record (member, host, VM, maintenance, post) changed, and the open view refreshes itself. The stream comes with the session cookie (same origin). Where
// the server has no stream (404) or the session ended (401), EventSource closes for good: nothing else happens, the
// views still load fresh data on every navigation. A dropped connection is retried by EventSource itself.

const EVENTS = ['case-changed', 'message-received', 'comment-received', 'comment-moderated', 'record-changed'];

/**
 * Opens the stream; refresh(eventName, data) runs on each event, and refresh('resumed', null) when the page comes
 * back from the browser's back/forward cache (events were missed meanwhile). Returns a function that closes it.
 */
export function startLiveUpdates(refresh) {
  if (typeof EventSource === 'undefined') {
    return () => {};
  }
  let source = null;

  function open() {
    source = new EventSource('/api/events');
    EVENTS.forEach((name) => {
      source.addEventListener(name, (event) => {
        let data = null;
        try {
          data = event.data ? JSON.parse(event.data) : null;
        } catch (e) {
          data = event.data;
        }
        refresh(name, data);
      });
    });
    source.addEventListener('error', () => {
      if (source && source.readyState === EventSource.CLOSED) {
        source.close();
      }
    });
  }

  function close() {
    if (source) {
      source.close();
      source = null;
    }
  }

  // A page kept in the back/forward cache must not keep its stream: a browser allows six connections to a server,
  // and six such pages (or tabs) would hold them all, so that the next page waits for a free one (the dashboard
  // bench saw 53 s). The stream closes when the page is hidden that way and opens again when it is shown.
  const onHide = () => close();
  const onShow = (event) => {
    if (event.persisted && !source) {
      open();
      refresh('resumed', null);
    }
  };
  window.addEventListener('pagehide', onHide);
  window.addEventListener('pageshow', onShow);
  open();
  return () => {
    window.removeEventListener('pagehide', onHide);
    window.removeEventListener('pageshow', onShow);
    close();
  };
}
