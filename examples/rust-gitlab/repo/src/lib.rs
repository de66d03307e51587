//! Counts the words of a text.

/// The number of whitespace-separated words in `text`.
pub fn count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_words() {
        assert_eq!(count("one two  three\n"), 3);
        assert_eq!(count(""), 0);
    }
}
