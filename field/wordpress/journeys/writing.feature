Feature: Writing
  An author the blog owner invited logs in for the first time and publishes a short post.

  Scenario: Log in and publish a first post in the block editor
    Given I am a first-time customer
    When I open "/wp-login.php"
    And I fill in "Username or Email Address" with "writer"
    And I fill in "Password" with "Writer-Pass-2024!"
    And I press "Log In"
    And I follow "New"
    And I press "Close dialog"
    And I fill in "Add title" with "Saturday opening times"
    And I press "Publish"
    And I press "Publish"
    Then I should see "is now live"
