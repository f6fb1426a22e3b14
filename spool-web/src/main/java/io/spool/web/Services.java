package io.spool.web;

/** What an app lends each request beside its routes: its session store (or null) and its multipart limits. */
record Services(SessionStore sessions, MultipartBody.Limits multipart) {}
