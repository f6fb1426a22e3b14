"""The pure parts: configuration checks, encoding of params and results, error text."""
import datetime
import unittest

from spool_tasks import Config, decode, encode
from spool_tasks import _protocol as p


class ConfigTest(unittest.TestCase):
    def test_of_accepts_a_url_a_dict_or_a_config(self):
        self.assertEqual(Config.of("postgresql://a@b/c").schema, "spool_tasks")
        self.assertEqual(Config.of({"url": "postgresql://x", "schema": "mine"}).schema, "mine")
        c = Config(url="postgresql://x")
        self.assertIs(Config.of(c), c)

    def test_bad_values_are_refused_with_the_field_named(self):
        with self.assertRaisesRegex(ValueError, "schema"):
            Config(url="postgresql://x", schema="bad; drop")
        with self.assertRaisesRegex(ValueError, "concurrency"):
            Config(url="postgresql://x", queues={"q": 0})
        with self.assertRaisesRegex(ValueError, "url"):
            Config(url=" ")
        with self.assertRaisesRegex(TypeError, "config must be"):
            Config.of(42)


class EncodingTest(unittest.TestCase):
    def test_bytes_pass_as_they_are_and_the_rest_is_json(self):
        self.assertEqual(encode(b"\x00\x01"), b"\x00\x01")
        self.assertEqual(encode(None), b"")
        self.assertEqual(encode({"a": [1, "é"]}), '{"a":[1,"é"]}'.encode())
        self.assertEqual(decode(encode({"a": [1, 2]})), {"a": [1, 2]})
        self.assertIsNone(decode(b""))

    def test_durations_are_seconds_or_timedeltas(self):
        self.assertEqual(p.seconds(1.5), datetime.timedelta(seconds=1.5))
        self.assertIsNone(p.seconds(None))

    def test_error_text_holds_the_traceback_without_nul(self):
        try:
            raise ValueError("bad\x00byte")
        except ValueError as e:
            text = p.error_text(e)
        self.assertIn("Traceback", text)
        self.assertIn("ValueError: bad\ufffdbyte", text)

    def test_a_task_needs_a_name(self):
        with self.assertRaisesRegex(ValueError, "needs a name"):
            p.spawn_args(" ", None, {})


if __name__ == "__main__":
    unittest.main()
