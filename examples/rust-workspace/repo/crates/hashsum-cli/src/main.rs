use std::io::Read;

fn main() {
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).expect("read stdin");
    println!("{}", hashsum::hex(&hashsum::sha256(&input)));
}
