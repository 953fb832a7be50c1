Feature: Joining the blog
  A first-time visitor creates an account on the blog.

  Scenario: Register an account
    Given I am a first-time customer
    When I open "/wp-login.php?action=register"
    And I fill in "Username" with "{unique text}"
    And I fill in "Email" with "{unique email}"
    And I press "Register"
    Then I should see "Registration complete. Please check your email"
