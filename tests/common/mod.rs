pub mod server;
pub mod webdriver;
